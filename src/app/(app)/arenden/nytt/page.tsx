import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { RegisterCaseForm } from "@/features/cases/components/register-case-form";
import { getRegistrationOptions } from "@/features/cases/server/case-queries";
import { requireActor } from "@/server/auth";

export const metadata: Metadata = { title: "Registrera ärende" };

const RegisterCasePage = async () => {
  const actor = await requireActor();
  const options = await getRegistrationOptions(actor);
  return (
    <section aria-labelledby="register-case" className="space-y-6">
      <h1 id="register-case" className="text-3xl font-bold">
        Registrera ärende
      </h1>
      {/* A new key per rendered form: a double click or a retry of this form registers one case. */}
      <RegisterCaseForm options={options} idempotencyKey={randomUUID()} actorId={actor.id} />
    </section>
  );
};

export default RegisterCasePage;
