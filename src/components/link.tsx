// Every link inside the app: next/link without prefetching. Every page here is dynamic and drawn
// for the signed-in user, so a prefetch brings nothing to show ahead of the click, yet each
// costs the server a request as dear as a small page: a diarium page of 50 cases sent about 30
// of them, and sent them again as the router state changed (measured with Chromium on the bulk
// data). The click still navigates without reloading the page; nothing is fetched before it.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export const Link = (props: Omit<ComponentProps<typeof NextLink>, "prefetch">) => <NextLink {...props} prefetch={false} />;

/** How a link in running text looks. */
export const LINK_CLASS = "font-semibold text-brand-700 underline underline-offset-4";
