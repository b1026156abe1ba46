-- The dashboard's "longest in stage" and "furthest along" sorts read an index, not the table (#27 line 4).
CREATE INDEX "OnboardingApplication_stageSince_id_idx" ON "OnboardingApplication"("stageSince", "id");
CREATE INDEX "OnboardingApplication_stageRank_stageSince_id_idx" ON "OnboardingApplication"("stageRank" DESC, "stageSince", "id");
