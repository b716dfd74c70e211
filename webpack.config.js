// Builds the add-in into dist/ (or env SAKIP_DIST_DIR):
//   functions.js + functions.json  custom functions and their metadata
//   taskpane.js + taskpane.html    task pane; the page also loads functions.js (shared runtime)
//   previewWorker.js               the web preview's workbook worker (ExcelJS/JSZip off the
//                                  page's thread); started by the page, not listed in the HTML
//   assets/*.png, manifest.xml     copied; in production every dev URL is rewritten
//
//   webpack --mode production | development
//
// Production URL: package.json config.productionUrl, overridden by env SAKIP_PRODUCTION_URL.

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { DEV_URL, rewriteUrls, normaliseBaseUrl } = require("./scripts/rewrite-urls");
const { localiseFunctions } = require("./scripts/localise-functions");
const pkg = require("./package.json");

// Absolute: the metadata plugin resolves `input` against process.cwd(), not webpack's context.
const FUNCTIONS_ENTRY = path.resolve(__dirname, "src/functions/functions.ts");
const FUNCTIONS_METADATA = "functions.json";
// Excel in English loads this one instead (manifest: bt:Override Locale="en-US").
const FUNCTIONS_METADATA_EN = "functions.en-US.json";
const FUNCTIONS_TRANSLATIONS = path.resolve(__dirname, "src/functions/descriptions.en.json");

/** Emits the English custom-functions metadata; a missing translation fails the build. */
class EnglishMetadataPlugin {
  apply(compiler) {
    const name = "EnglishMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(FUNCTIONS_TRANSLATIONS);
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_METADATA);
          if (!asset) return;
          const translations = JSON.parse(require("fs").readFileSync(FUNCTIONS_TRANSLATIONS, "utf8"));
          const source = JSON.parse(asset.source.source().toString());
          const { metadata, missing } = localiseFunctions(source, translations);
          if (missing.length > 0) {
            compilation.errors.push(
              new webpack.WebpackError(`${FUNCTIONS_TRANSLATIONS}: no English text for ${missing.join(", ")}`),
            );
          }
          compilation.emitAsset(
            FUNCTIONS_METADATA_EN,
            new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)),
          );
        },
      );
    });
  }
}

/** Rewrites the dev URL in emitted text assets (functions.json help URLs) in production. */
class RewriteUrlsPlugin {
  constructor({ from, to, assets }) {
    this.from = from;
    this.to = to;
    this.assets = assets;
  }

  apply(compiler) {
    const name = "RewriteUrlsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After CustomFunctionsMetadataPlugin and CopyWebpackPlugin have added their assets.
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          for (const file of this.assets) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const before = asset.source.source().toString();
            const after = rewriteUrls(before, this.from, this.to);
            if (after !== before) {
              compilation.updateAsset(file, new webpack.sources.RawSource(after));
            }
          }
        },
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const dev = mode === "development";
  const productionUrl = normaliseBaseUrl(
    process.env.SAKIP_PRODUCTION_URL || (pkg.config && pkg.config.productionUrl),
  );
  const baseUrl = dev ? DEV_URL : productionUrl;
  const outputPath = path.resolve(__dirname, process.env.SAKIP_DIST_DIR || "dist");

  return {
    mode,
    context: __dirname,
    // Excel's webviews (WebView2, Safari/WKWebView) run ES2017+ fine.
    target: ["web", "es2017"],
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: path.resolve(__dirname, "src/taskpane/index.tsx"),
      // Loaded by `new Worker("previewWorker.js")` (src/preview/gateway.ts): the name is fixed.
      previewWorker: path.resolve(__dirname, "src/preview/worker.ts"),
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type errors of files outside the bundles (cli, tests) do not fail the build;
              // `npm run typecheck` covers the whole project.
              onlyCompileBundledFiles: true,
              compilerOptions: {
                module: "esnext",
                target: "es2017",
                sourceMap: dev,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_METADATA,
        input: FUNCTIONS_ENTRY,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page loads the custom functions and the task pane, in this order.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: {
              transformer: (content) => rewriteUrls(content.toString(), DEV_URL, baseUrl),
            },
          },
        ],
      }),
      new EnglishMetadataPlugin(),
      new RewriteUrlsPlugin({
        from: DEV_URL,
        to: baseUrl,
        assets: [FUNCTIONS_METADATA, FUNCTIONS_METADATA_EN],
      }),
    ],
    performance: {
      // React + Fluent UI make a task pane bundle of several hundred KB; that is expected.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
  };
};
