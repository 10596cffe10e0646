-- Rules v2 (#14): itemised counted transfers, recorded-but-never-counted receipts, safe alternative housing.
-- Existing rows: the lump "incomeTransfers" stays where it is and now means "other stable transfers".
CREATE TYPE "SafeAlternative" AS ENUM ('resettlement_flat', 'with_children', 'public_rental', 'other');

ALTER TABLE "household"
  ADD COLUMN "transferSubsistence" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "transferExtremeHardship" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "transferPension" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "transferEcological" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "transferFamilyPlanning" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "transferSupport" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "excludedMedical" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "excludedTemporaryRelief" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "excludedHousingSubsidy" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "excludedRelocationSubsidy" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "excludedGifts" DECIMAL(12,2) NOT NULL DEFAULT 0,
  ADD COLUMN "safeAlternative" "SafeAlternative";
