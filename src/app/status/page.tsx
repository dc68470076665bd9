// /status: a page without data, rendered per request like every page (the root layout's
// connection()). It shows that the app answers and is the ceiling `npm run bench` measures
// the other pages against: the framework's cost of a dynamic page in the same build.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Status" };

const StatusPage = () => (
  <main id="main" className="mx-auto max-w-xl p-8">
    <h1 className="text-2xl font-semibold">Yttra är igång</h1>
  </main>
);

export default StatusPage;
