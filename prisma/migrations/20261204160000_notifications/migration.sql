-- CreateEnum
CREATE TYPE "NotifyChannelKind" AS ENUM ('log', 'sms_http', 'wecom', 'dingtalk');

-- CreateEnum
CREATE TYPE "NotifyStatus" AS ENUM ('pending', 'logged', 'sent', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "notify_channel" (
    "provinceId" TEXT NOT NULL,
    "kind" "NotifyChannelKind" NOT NULL DEFAULT 'log',
    "url" TEXT,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notify_channel_pkey" PRIMARY KEY ("provinceId")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "countyId" TEXT,
    "recipientId" TEXT,
    "channel" "NotifyChannelKind" NOT NULL,
    "text" TEXT NOT NULL,
    "status" "NotifyStatus" NOT NULL DEFAULT 'pending',
    "detail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupeKey_key" ON "notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "notification_provinceId_createdAt_idx" ON "notification"("provinceId", "createdAt");

-- CreateIndex
CREATE INDEX "notification_status_attempts_idx" ON "notification"("status", "attempts");
