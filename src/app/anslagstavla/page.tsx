// The unprefixed address: the installation's only municipality's anslagstavla (/<kommun>/anslagstavla), or a choice of municipalities.
import type { Metadata } from "next";
import { municipalityChoicePage } from "@/features/admin/components/municipality-chooser";

export const metadata: Metadata = { title: "Välj kommun" };
export const dynamic = "force-dynamic";

export default municipalityChoicePage("/anslagstavla", "anslagstavla");
