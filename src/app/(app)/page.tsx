import type { Metadata } from "next";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Mina ärenden" };

const MyCasesPage = async () => {
  const actor = await requireActor();
  return (
    <section aria-labelledby="my-cases">
      <h1 id="my-cases" className="text-3xl font-bold">
        Mina ärenden
      </h1>
      <p className="mt-2 text-slate-700">Välkommen, {actor.name}.</p>
      <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-semibold">Du har inga ärenden just nu.</p>
        <p className="mt-1 text-slate-600">Ärenden som du handlägger eller ska attestera visas här.</p>
      </div>
    </section>
  );
};

export default MyCasesPage;
