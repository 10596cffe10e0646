-- Rules v2 (#14), the demo's world: relocated households (易地扶贫搬迁) keep their origin.
ALTER TABLE "household"
  ADD COLUMN "relocatedFromId" TEXT,
  ADD COLUMN "relocatedFromName" TEXT,
  ADD COLUMN "relocatedYear" INTEGER;
