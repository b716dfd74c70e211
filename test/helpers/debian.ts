import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

/**
 * Tools the tests need from Debian (LibreOffice, Chromium). CI starts from a clean Debian
 * machine where we are root, so a missing tool is installed on first use, once per process,
 * serialised across jest workers by a file lock.
 */

/** Installing from scratch took ~20 s here; the margin is for slow mirrors. */
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH or in `extraDirs`, or null. */
export function findExecutable(name: string, extraDirs: readonly string[] = []): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d.length > 0);
  for (const dir of [...dirs, ...extraDirs]) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export function tail(text: string, lines = 30): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export interface DebianInstall {
  /** What is being installed, for messages ("LibreOffice (soffice) or poppler (pdftoppm)"). */
  what: string;
  packages: readonly string[];
  /** Commands that all exist once the packages are installed (checked again inside the lock). */
  commands: readonly string[];
  /** Lock file name in the temp directory. */
  lock: string;
}

/** Installs the packages with apt-get; throws with the command to run by hand when it cannot. */
export function installDebianPackages(install: DebianInstall): void {
  const packages = install.packages.join(" ");
  const manual = `apt-get update && apt-get install -y --no-install-recommends ${packages}`;
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(
      `${install.what} is missing and this process is not root, so it cannot install it. ` +
        `Run as root: ${manual}`,
    );
  }
  if (!findExecutable("apt-get")) {
    throw new Error(
      `${install.what} is missing and there is no apt-get here to install it. ` +
        `Install ${packages} and put ${install.commands.join(", ")} on PATH.`,
    );
  }
  // Inside the lock, check again: another jest worker may have installed them meanwhile.
  // The dpkg lock timeout waits for an apt run that is not ours instead of failing at once.
  const present = install.commands.map((c) => `command -v ${c} >/dev/null 2>&1`).join(" && ");
  const script = [
    "set -e",
    `if ${present}; then exit 0; fi`,
    "apt-get update",
    `apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 ${packages}`,
  ].join("\n");
  const flock = findExecutable("flock");
  const lock = path.join(os.tmpdir(), install.lock);
  const [command, args] = flock ? [flock, [lock, "sh", "-c", script]] : ["sh", ["-c", script]];
  const result = spawnSync(command, args, {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const why = result.error
      ? result.error.message
      : `exit code ${result.status}${result.signal ? `, signal ${result.signal}` : ""}`;
    throw new Error(
      `Installing ${install.what} failed (${why}). Command: ${manual}\n` +
        `--- stderr ---\n${tail(result.stderr ?? "")}\n--- stdout ---\n${tail(result.stdout ?? "")}`,
    );
  }
}

/**
 * Finds the tools, installing the packages when one is missing; the outcome (paths or the
 * error) is remembered by the caller so a process tries at most once.
 */
export function ensureTools<T>(find: () => T | null, install: DebianInstall): T {
  let tools = find();
  if (tools === null) {
    installDebianPackages(install);
    tools = find();
  }
  if (tools === null) {
    throw new Error(
      `Installed ${install.packages.join(", ")} but ${install.commands.join(" or ")} is still ` +
        `not found on PATH (${process.env.PATH ?? ""}).`,
    );
  }
  return tools;
}
