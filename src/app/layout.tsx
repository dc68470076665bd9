import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Yttra", template: "%s – Yttra" },
  description: "Ärendehantering för remissvar och nämndärenden",
};

const RootLayout = async ({ children }: { children: ReactNode }) => {
  // Every page is rendered per request: its scripts carry the nonce of that response's
  // Content-Security-Policy (src/proxy.ts), which a page prerendered at build time cannot.
  await connection();
  return (
    <html lang="sv">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
        >
          Hoppa till innehållet
        </a>
        {children}
      </body>
    </html>
  );
};

export default RootLayout;
