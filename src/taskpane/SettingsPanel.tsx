// Pengaturan: the check settings the planner may decide (DOMAIN.md marks them as choices),
// saved in the workbook; the pane's language; the worksheet functions for reference.

import { useEffect } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  Spinner,
  Subtitle2,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { settingsOf } from "../core/analyse";
import { settingsKey } from "../core/check";
import type { Polarity } from "../core/formulas/capaian";
import { SCALES, type Band, type Bound, type Scale } from "../core/formulas/scales";
import { renderMessage } from "../core/messages";
import { formatNumber } from "../core/numbers";
import type { IndicatorInfo } from "./session";
import { ConfigProblem, Notice, usePanelStyles, type PanelProps } from "./shared";
import { FUNCTIONS, TEXTS, tr, type Language, type LanguageChoice } from "./texts";

const CAPAIAN_SCALES: readonly Scale[] = SCALES.filter((s) => s.measure === "capaian");

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  dropdown: {
    minWidth: 0,
    width: "100%",
  },
  bands: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  /** A dt/dd pair grouped for the markup, laid out by the grid. */
  bandRow: {
    display: "contents",
  },
  bandRange: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    textAlign: "end",
  },
  functionName: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: "anywhere",
  },
});

export interface SettingsPanelProps extends PanelProps {
  languageChoice: LanguageChoice;
  onLanguageChange?: (choice: LanguageChoice) => void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function boundText(bound: Bound, lower: boolean, language: Language): string {
  const value = formatNumber(bound.value, language);
  const text = lower
    ? bound.inclusive
      ? TEXTS.bandAtLeast
      : TEXTS.bandAbove
    : bound.inclusive
      ? TEXTS.bandAtMost
      : TEXTS.bandBelow;
  return tr(text, language, { value });
}

/** "≥ 76 dan < 91": the values a band takes. */
export function bandRange(band: Band, language: Language): string {
  const parts: string[] = [];
  if (band.min) parts.push(boundText(band.min, true, language));
  if (band.max) parts.push(boundText(band.max, false, language));
  return parts.join(tr(TEXTS.bandAnd, language));
}

const POLARITY_AUTO = "auto";

export function SettingsPanel({
  session,
  state,
  language,
  languageChoice,
  onLanguageChange,
}: SettingsPanelProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const raw = state.config.settings;
  const { settings, problems } = settingsOf(state.config);
  const scale = CAPAIAN_SCALES.find((s) => s.name === settings.scales.capaian) ?? CAPAIAN_SCALES[0];
  const save = state.settingsSave;

  // The polarity list needs the recognised indicators. It comes last: it can be long.
  useEffect(() => {
    if (session.getState().tables.status === "idle") void session.loadTables();
  }, [session]);

  const setScale = (name: string) => {
    const scales = isObject(raw.scales) ? raw.scales : {};
    void session.updateSettings({ scales: { ...scales, capaian: name } });
  };

  const setPolarity = (indicator: IndicatorInfo, value: string) => {
    const key = settingsKey(indicator.name);
    const current = isObject(raw.polarity) ? raw.polarity : {};
    // Other spellings of the same name go: one entry per indicator.
    const polarity = Object.fromEntries(
      Object.entries(current).filter(([name]) => settingsKey(name) !== key),
    );
    if (value !== POLARITY_AUTO) polarity[indicator.name] = value;
    void session.updateSettings({
      polarity: Object.keys(polarity).length > 0 ? polarity : undefined,
    });
  };

  const polarityLabel = (p: Polarity | null) =>
    tr(p === "negatif" ? TEXTS.polarityNegative : TEXTS.polarityNormal, language);

  const languageLabels: Record<LanguageChoice, string> = {
    auto: tr(TEXTS.languageAuto, language),
    id: tr(TEXTS.languageId, language),
    en: tr(TEXTS.languageEn, language),
  };

  return (
    <section className={styles.panel}>
      <Body1 as="p" className={styles.heading}>
        {tr(TEXTS.settingsIntro, language)}
      </Body1>
      <ConfigProblem state={state} language={language} />
      {problems.length > 0 && (
        <Notice intent="warning" title={tr(TEXTS.settingsProblems, language)}>
          <ul className={styles.list}>
            {problems.map((p, i) => (
              <li key={i}>{renderMessage(p, language)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div aria-live="polite">
        {save.status === "running" && <Spinner size="tiny" label={tr(TEXTS.saving, language)} />}
        {save.status === "done" && <Notice intent="success" title={tr(TEXTS.saved, language)} />}
        {save.status === "error" && (
          <Notice intent="error" title={tr(TEXTS.saveFailed, language)}>
            {save.error}
          </Notice>
        )}
      </div>

      <div className={own.group}>
        <Field label={tr(TEXTS.scaleLabel, language)}>
          <Dropdown
            className={own.dropdown}
            value={scale.name}
            selectedOptions={[scale.name]}
            onOptionSelect={(_, data) => {
              if (data.optionValue && data.optionValue !== scale.name) setScale(data.optionValue);
            }}
          >
            {CAPAIAN_SCALES.map((s) => (
              <Option key={s.name} value={s.name}>
                {s.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Caption1 className={styles.muted}>{tr(TEXTS.scaleBands, language)}</Caption1>
        <dl className={own.bands} aria-label={tr(TEXTS.scaleBands, language)}>
          {scale.bands.map((band) => (
            <div key={band.label} className={own.bandRow}>
              <dt>{band.label}</dt>
              <dd className={own.bandRange}>{bandRange(band, language)}</dd>
            </div>
          ))}
        </dl>
        <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>{scale.source}</Caption1>
      </div>

      <div className={own.group}>
        <Subtitle2 as="h3" className={styles.heading}>
          {tr(TEXTS.efficiencyHeading, language)}
        </Subtitle2>
        <Switch
          label={tr(TEXTS.clampE, language)}
          checked={settings.clampE}
          onChange={(_, data) => void session.updateSettings({ clampE: data.checked })}
        />
        <Switch
          label={tr(TEXTS.capCk, language)}
          checked={settings.capCk}
          onChange={(_, data) => void session.updateSettings({ capCk: data.checked })}
        />
      </div>

      <Field label={tr(TEXTS.languageLabel, language)}>
        <Dropdown
          className={own.dropdown}
          value={languageLabels[languageChoice]}
          selectedOptions={[languageChoice]}
          onOptionSelect={(_, data) => {
            const choice = data.optionValue as LanguageChoice | undefined;
            if (choice && choice !== languageChoice) onLanguageChange?.(choice);
          }}
        >
          {(["auto", "id", "en"] as const).map((choice) => (
            <Option key={choice} value={choice}>
              {languageLabels[choice]}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <div className={own.group}>
        <Subtitle2 as="h3" className={styles.heading}>
          {tr(TEXTS.polarityHeading, language)}
        </Subtitle2>
        <Caption1 className={styles.muted}>{tr(TEXTS.polarityHint, language)}</Caption1>
        {state.indicators.length === 0 ? (
          <Body1>{tr(TEXTS.polarityNone, language)}</Body1>
        ) : (
          state.indicators.map((indicator) => {
            const chosen = Object.entries(settings.polarity).find(
              ([name]) => settingsKey(name) === settingsKey(indicator.name),
            )?.[1];
            const autoText = tr(TEXTS.polarityAuto, language, {
              polarity: polarityLabel(indicator.detected).toLowerCase(),
            });
            const value = chosen ?? POLARITY_AUTO;
            return (
              <Field
                key={indicator.name}
                label={{ children: indicator.name, className: styles.wrap }}
              >
                <Dropdown
                  className={own.dropdown}
                  value={value === POLARITY_AUTO ? autoText : polarityLabel(chosen ?? null)}
                  selectedOptions={[value]}
                  onOptionSelect={(_, data) => {
                    if (data.optionValue && data.optionValue !== value) {
                      setPolarity(indicator, data.optionValue);
                    }
                  }}
                >
                  <Option value={POLARITY_AUTO}>{autoText}</Option>
                  <Option value="positif">{tr(TEXTS.polarityNormal, language)}</Option>
                  <Option value="negatif">{tr(TEXTS.polarityNegative, language)}</Option>
                </Dropdown>
              </Field>
            );
          })
        )}
      </div>

      <Accordion collapsible>
        <AccordionItem value="functions">
          <AccordionHeader as="h3">{tr(TEXTS.functionsHeading, language)}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {FUNCTIONS.map((fn) => (
                <li key={fn.name}>
                  <Body1Strong className={own.functionName}>{fn.name}</Body1Strong>
                  <Body1 as="p" className={styles.heading}>
                    {tr(fn.description, language)}
                  </Body1>
                </li>
              ))}
            </ul>
            <Caption1 className={styles.muted}>{tr(TEXTS.functionsHint, language)}</Caption1>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
