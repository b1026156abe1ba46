-- The mock-brands setting (decision 0013 addendum): one column, existing rows default to off.
ALTER TABLE "IsvSettings" ADD COLUMN "mockBrands" BOOLEAN NOT NULL DEFAULT false;
