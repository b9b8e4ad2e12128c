-- What produced each verdict, from now on: the model (a provider's model name, or the local scorer's rules) and the
-- version of the rubric it applied. Null for pre-scoring rejections and for verdicts recorded before this version.
ALTER TABLE score ADD COLUMN model TEXT;
ALTER TABLE score ADD COLUMN rubric_version TEXT;
