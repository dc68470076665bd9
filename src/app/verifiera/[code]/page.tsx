import type { Metadata } from "next";
import { Link } from "@/components/link";
import { VerificationResultView } from "@/features/attestation/components/verification-result";
import { VerifyForm } from "@/features/attestation/components/verify-form";
import { ZVerificationCodeSchema } from "@/features/attestation/schemas";
import { verifyAttestationCode } from "@/features/attestation/server/verify-attestation";

export const metadata: Metadata = { title: "Verifiering" };
// Always recomputed: the answer must reflect the content as it is now.
export const dynamic = "force-dynamic";

const VerificationPage = async ({ params }: { params: Promise<{ code: string }> }) => {
  const parsed = ZVerificationCodeSchema.safeParse(decodeURIComponent((await params).code));
  const result = parsed.success ? await verifyAttestationCode(parsed.data) : null;
  return (
    <section aria-labelledby="verification-heading">
      <h1 id="verification-heading" className="text-3xl font-bold">
        Verifiering
      </h1>
      {result ? (
        <div className="mt-6">
          <VerificationResultView result={result} />
        </div>
      ) : (
        <>
          <p role="alert" className="mt-6 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            Det finns inget attesterat dokument med den koden. Kontrollera att du har skrivit av den rätt.
          </p>
          <VerifyForm />
        </>
      )}
      <p className="mt-8">
        <Link href="/verifiera" className="underline">
          Verifiera en annan kod
        </Link>
      </p>
    </section>
  );
};

export default VerificationPage;
