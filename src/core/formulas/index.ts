export * from "./result";
export * from "./inputs";
export * from "./capaian";
export * from "./efisiensi";
export * from "./anggaran";
export * from "./kumulatif";
export * from "./scales";
export * from "./worksheet";
