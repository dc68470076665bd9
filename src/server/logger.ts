// Structured log lines on stdout/stderr (one JSON object per line) for the platform to collect.
type Level = "info" | "warn" | "error";

const write = (level: Level, message: string, detail?: unknown) => {
  const entry = {
    time: new Date().toISOString(),
    level,
    message,
    ...(detail instanceof Error ? { error: { name: detail.name, message: detail.message, stack: detail.stack } } : detail === undefined ? {} : { detail }),
  };
  (level === "error" ? console.error : console.log)(JSON.stringify(entry));
};

export const logger = {
  info: (message: string, detail?: unknown) => write("info", message, detail),
  warn: (message: string, detail?: unknown) => write("warn", message, detail),
  error: (message: string, detail?: unknown) => write("error", message, detail),
};
