import { Link } from "@/components/link";

const NotFound = () => (
  <main id="main" className="mx-auto max-w-xl px-4 py-16">
    <h1 className="text-3xl font-bold">Sidan finns inte</h1>
    <p className="mt-4 text-slate-700">Sidan du söker finns inte, eller så saknar du behörighet att se den.</p>
    <p className="mt-6">
      <Link href="/" className="font-semibold text-brand-700 underline">
        Till startsidan
      </Link>
    </p>
  </main>
);

export default NotFound;
