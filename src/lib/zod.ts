// zod with Swedish default messages. Import `z` from here in schemas so that every
// message a user can see is Swedish, also for checks without a custom message.
import { z } from "zod";
import sv from "zod/v4/locales/sv.js";

z.config(sv());
// No compiled parsers: zod's probe for them (`new Function`) is reported as a violation of
// the Content-Security-Policy (script-src without 'unsafe-eval', see src/proxy.ts).
z.config({ jitless: true });

export { z };
