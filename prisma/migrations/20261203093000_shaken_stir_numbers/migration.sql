-- CreateTable
CREATE TABLE "ShakenStirNumber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "requestedById" TEXT,
    "assignedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ShakenStirNumber_applicationId_phoneNumberSid_key" ON "ShakenStirNumber"("applicationId", "phoneNumberSid");

