import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Several dev servers side by side (one per engineer's working copy) need their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native and wasm packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pdfkit", "pg-boss", "nodemailer"],
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
};

export default nextConfig;
