// Placeholder task pane: product name, what it does, and the worksheet functions.
// The real task pane (checks, summaries, settings) replaces this in a later issue.

import {
  Body1,
  Body1Strong,
  Caption1,
  Divider,
  List,
  ListItem,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FUNCTIONS, TEXTS, tr, type Language } from "./texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  name: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: "anywhere",
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  language: Language;
}

export function App({ language }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} lang={language}>
      <Title2 as="h1">{tr(TEXTS.productName, language)}</Title2>
      <Body1 as="p">{tr(TEXTS.intro, language)}</Body1>
      <Divider />
      <Subtitle2 as="h2">{tr(TEXTS.functionsHeading, language)}</Subtitle2>
      <List className={styles.list}>
        {FUNCTIONS.map((fn) => (
          <ListItem key={fn.name} className={styles.item}>
            <Body1Strong className={styles.name}>{fn.name}</Body1Strong>
            <Body1>{tr(fn.description, language)}</Body1>
          </ListItem>
        ))}
      </List>
      <Caption1 as="p" className={styles.hint}>
        {tr(TEXTS.functionsHint, language)}
      </Caption1>
    </main>
  );
}
