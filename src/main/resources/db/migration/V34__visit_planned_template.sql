-- The resident's message when the fasilitator's home visit is planned (the case enters verification): no date is
-- promised, the visit's date is the fasilitator's to agree with the resident (docs/resident-messages.md).
INSERT INTO resident_message_template (template_key, body) VALUES
('VISIT_PLANNED', 'Rujukan {nomor}: fasilitator Puskesos akan berkunjung ke rumah Anda untuk memeriksa data dan kebutuhan. Mohon siapkan KTP dan Kartu Keluarga.');
