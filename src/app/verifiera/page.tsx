import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VerifyForm } from "@/features/attestation/components/verify-form";
import { ZVerificationCodeSchema } from "@/features/attestation/schemas";

export const metadata: Metadata = { title: "Verifiera dokument" };

const VerifyPage = async ({ searchParams }: { searchParams: Promise<{ kod?: string | string[] }> }) => {
  const raw = (await searchParams).kod;
  const kod = Array.isArray(raw) ? raw[0] : raw;
  let error: string | null = null;
  if (kod !== undefined) {
    const parsed = ZVerificationCodeSchema.safeParse(kod);
    if (parsed.success) redirect(`/verifiera/${parsed.data}`);
    error = parsed.error.issues[0]?.message ?? "Ogiltig kod.";
  }
  return (
    <section aria-labelledby="verify-heading">
      <h1 id="verify-heading" className="text-3xl font-bold">
        Verifiera ett attesterat dokument
      </h1>
      <p className="mt-2 text-slate-700">Kontrollera vem som har attesterat ett tjänsteutlåtande och att innehållet är detsamma som när det attesterades.</p>
      <VerifyForm value={kod} error={error} />
    </section>
  );
};

export default VerifyPage;
