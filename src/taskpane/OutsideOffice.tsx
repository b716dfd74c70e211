// What the page shows when it is opened outside Excel: where to find the add-in, and the
// worksheet functions. (The web preview on a dropped .xlsx replaces this later.)

import {
  Body1,
  MessageBar,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TEXTS, tr, type Language } from "./texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
});

export function OutsideOffice({ language }: { language: Language }) {
  const styles = useStyles();
  return (
    <main className={styles.root} lang={language}>
      <Title2 as="h1">{tr(TEXTS.productName, language)}</Title2>
      <Body1 as="p">{tr(TEXTS.intro, language)}</Body1>
      <MessageBar intent="info">
        <MessageBarBody>{tr(TEXTS.outsideOffice, language)}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
