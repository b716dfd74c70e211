// Pieces every panel uses: the session hook, the error and warning bars, common styles.

import { useSyncExternalStore, type ReactNode } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { renderMessage } from "../core/messages";
import type { Session, SessionState } from "./session";
import { TEXTS, tr, type Language } from "./texts";

/** The session's current state; re-renders on every change. */
export function useSessionState(session: Session): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

export interface PanelProps {
  session: Session;
  state: SessionState;
  language: Language;
}

export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  /** Lines under each other, close together (a heading and its hint). */
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    overflowWrap: "anywhere",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  /** One line, cut with an ellipsis; the element's title shows the whole text. */
  truncate: {
    display: "block",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
  },
  wrap: {
    overflowWrap: "anywhere",
  },
});

interface NoticeProps {
  intent: MessageBarIntent;
  title: string;
  children?: ReactNode;
  /** A "try again" (or other) action beside the text. */
  action?: { label: string; onClick: () => void };
}

/** A MessageBar with a title, an optional text and action; multiline so it fits 320 px. */
export function Notice({ intent, title, children, action }: NoticeProps) {
  const styles = usePanelStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody className={styles.wrap}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button size="small" onClick={action.onClick}>
            {action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The configuration saved in the workbook could not be read: say so, and that it is kept. */
export function ConfigProblem({ state, language }: { state: SessionState; language: Language }) {
  if (!state.configProblem) return null;
  return (
    <Notice intent="warning" title={tr(TEXTS.configProblem, language)}>
      {` ${renderMessage(state.configProblem, language)} ${tr(TEXTS.configProblemHint, language)}`}
    </Notice>
  );
}
