// The web preview: the task pane opened in a plain browser, outside Excel. The planner picks
// or drops an .xlsx; the same four panels then work on it through the in-memory xlsx
// gateway (in a worker, src/preview), and the result comes back as a download. Nothing
// leaves the browser.

import { useEffect, useRef, useState, type DragEvent } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { RevealTarget } from "../core/gateway";
import { rangeA1 } from "../core/snapshot";
import { isWorkerStoppedError, type WorkerLike } from "../preview/channel";
import { openPreviewWorkbook, type PreviewGateway } from "../preview/gateway";
import { isWorkbookReadError } from "../xlsx/errors";
import { App } from "./App";
import { useSpareWorker } from "./useSpareWorker";
import { errorText, Session } from "./session";
import { Notice, useSessionState } from "./shared";
import { TEXTS, tr, type Language, type LanguageChoice } from "./texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  title: { margin: 0 },
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  zoneActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  fileName: { overflowWrap: "anywhere", flexBasis: "100%" },
  hidden: { display: "none" },
});

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ACCEPT = `.xlsx,.xlsm,${XLSX_MIME},application/vnd.ms-excel.sheet.macroEnabled.12`;

export interface PreviewProps {
  language: Language;
  languageChoice?: LanguageChoice;
  onLanguageChange?: (choice: LanguageChoice) => void;
  /** Lets the page paint between steps (tests pass an immediate one). */
  pause?: () => Promise<void>;
  /** The workbook's worker, or null to read in the page (tests); default: previewWorker.js. */
  createWorker?: () => WorkerLike | null;
}

interface Opened {
  gateway: PreviewGateway;
  session: Session;
}

type Stage =
  | { kind: "choose"; problem: { name: string; text: string } | null }
  | { kind: "opening"; name: string }
  | { kind: "open"; opened: Opened };

/** The file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers, jsdom). */
function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

/** "laporan.xlsx" → "laporan.ringkasan.xlsx" once summary sheets are in it; else the name. */
export function downloadName(name: string, withSummary: boolean): string {
  if (!withSummary) return name;
  const m = /^(.*?)(\.xls[xm])?$/i.exec(name);
  const base = m?.[1] || "buku-kerja";
  return `${base}.ringkasan${m?.[2] ?? ".xlsx"}`;
}

/** Hands the bytes to the browser as a file download; the object URL is freed afterwards. */
function download(bytes: Uint8Array, name: string): void {
  // A copy into a plain ArrayBuffer: Blob takes no view over a shared or foreign buffer.
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, not before the browser took the blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Why a file did not open, in the pane's language. */
function openFailure(error: unknown, language: Language): string {
  if (isWorkbookReadError(error)) return error.messageIn(language);
  if (isWorkerStoppedError(error)) return tr(TEXTS.previewWorkerStopped, language);
  return errorText(error);
}

export function Preview({
  language,
  languageChoice,
  onLanguageChange,
  pause,
  createWorker,
}: PreviewProps) {
  const styles = useStyles();
  const [stage, setStage] = useState<Stage>({ kind: "choose", problem: null });
  const [revealed, setRevealed] = useState<RevealTarget | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  /** Counts the files chosen, so a slow open that was overtaken does not win. */
  const attempt = useRef(0);
  /** The open workbook, freed (its worker ended) when another file replaces it. */
  const current = useRef<PreviewGateway | null>(null);
  const takeWorker = useSpareWorker(stage.kind === "choose", createWorker);

  const close = (): void => {
    current.current?.dispose?.();
    current.current = null;
  };

  useEffect(() => close, []);

  const open = async (file: File): Promise<void> => {
    const mine = ++attempt.current;
    close();
    setRevealed(null);
    setStage({ kind: "opening", name: file.name });
    try {
      const gateway = await openPreviewWorkbook(file.name, () => fileBytes(file), {
        onReveal: (target) => setRevealed(target),
        pause,
        startWorker: takeWorker,
      });
      if (mine !== attempt.current) {
        gateway.dispose?.();
        return;
      }
      current.current = gateway;
      const session = new Session(gateway, { file: file.name, language, pause });
      setStage({ kind: "open", opened: { gateway, session } });
    } catch (error) {
      if (mine !== attempt.current) return;
      setStage({
        kind: "choose",
        problem: { name: file.name, text: openFailure(error, language) },
      });
    }
  };

  const chosen = (files: FileList | null | undefined): void => {
    const file = files?.[0];
    if (file) void open(file);
  };

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    chosen(event.dataTransfer?.files);
  };

  const startOver = (): void => {
    attempt.current++;
    close();
    setRevealed(null);
    setStage({ kind: "choose", problem: null });
  };

  if (stage.kind === "open") {
    return (
      <OpenWorkbook
        opened={stage.opened}
        language={language}
        languageChoice={languageChoice}
        onLanguageChange={onLanguageChange}
        revealed={revealed}
        onDismissReveal={() => setRevealed(null)}
        onStartOver={startOver}
      />
    );
  }

  return (
    <main className={styles.root} lang={language}>
      <Title3 as="h1" className={styles.title}>
        {tr(TEXTS.productName, language)}
      </Title3>
      <Body1 as="p" className={styles.title}>
        {tr(TEXTS.previewIntro, language)}
      </Body1>
      {stage.kind === "choose" && stage.problem && (
        <Notice
          intent="error"
          title={tr(TEXTS.previewWrongFile, language, { name: stage.problem.name })}
        >
          {` ${stage.problem.text} ${tr(TEXTS.previewWrongFileHint, language)}`}
        </Notice>
      )}
      <section
        className={mergeClasses(styles.zone, dragging && styles.zoneActive)}
        aria-label={tr(TEXTS.previewDropZone, language)}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          // Without this the browser opens the dropped file itself.
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text weight="semibold">{tr(TEXTS.previewDropZone, language)}</Text>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className={styles.hidden}
          aria-label={tr(TEXTS.previewFileInput, language)}
          onChange={(event) => {
            chosen(event.currentTarget.files);
            // The same file chosen again (after fixing it) must fire a change again.
            event.currentTarget.value = "";
          }}
        />
        {stage.kind === "opening" ? (
          <Spinner
            size="small"
            labelPosition="after"
            label={tr(TEXTS.previewOpening, language, { name: stage.name })}
          />
        ) : (
          <Button appearance="primary" onClick={() => input.current?.click()}>
            {tr(TEXTS.previewPick, language)}
          </Button>
        )}
        <Caption1 className={styles.hint}>{tr(TEXTS.previewPrivacy, language)}</Caption1>
      </section>
    </main>
  );
}

interface OpenWorkbookProps {
  opened: Opened;
  language: Language;
  languageChoice?: LanguageChoice;
  onLanguageChange?: (choice: LanguageChoice) => void;
  revealed: RevealTarget | null;
  onDismissReveal: () => void;
  onStartOver: () => void;
}

/** The open file: its name, download and start over, the reveal notice, then the panels. */
function OpenWorkbook({
  opened: { gateway, session },
  language,
  languageChoice,
  onLanguageChange,
  revealed,
  onDismissReveal,
  onStartOver,
}: OpenWorkbookProps) {
  const styles = useStyles();
  // Re-rendered on every session change: a summary written or a setting saved changes the
  // gateway's bytes, which enables the download.
  useSessionState(session);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revealed) notice.current?.scrollIntoView?.({ block: "nearest" });
  }, [revealed]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    setDownloading(true);
    setDownloadError(null);
    try {
      // Asked of the worker when the workbook lives there.
      const bytes = await gateway.bytes();
      download(bytes, downloadName(gateway.fileName, gateway.hasSummary));
    } catch (error) {
      setDownloadError(errorText(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div lang={language}>
      <div className={styles.bar}>
        <Text weight="semibold" className={styles.fileName}>
          {tr(TEXTS.previewFile, language, { name: gateway.fileName })}
        </Text>
        <Button
          appearance="primary"
          disabled={!gateway.changed || downloading}
          title={gateway.changed ? undefined : tr(TEXTS.previewDownloadHint, language)}
          onClick={() => void save()}
        >
          {tr(TEXTS.previewDownload, language)}
        </Button>
        <Button onClick={onStartOver}>{tr(TEXTS.previewOpenOther, language)}</Button>
      </div>
      {downloadError && (
        <div className={styles.bar}>
          <Notice intent="error" title={tr(TEXTS.previewDownloadFailed, language)}>
            {` ${downloadError}`}
          </Notice>
        </div>
      )}
      <div ref={notice} role="status" aria-live="polite" className={styles.bar}>
        {revealed && (
          <Notice
            intent="info"
            title={tr(TEXTS.previewCell, language, {
              cell: `${revealed.sheet}!${rangeA1(revealed.range)}`,
            })}
            action={{ label: tr(TEXTS.dismiss, language), onClick: onDismissReveal }}
          >
            {` ${tr(TEXTS.previewCellHint, language)}`}
          </Notice>
        )}
      </div>
      <App
        session={session}
        language={language}
        languageChoice={languageChoice}
        onLanguageChange={onLanguageChange}
      />
    </div>
  );
}
