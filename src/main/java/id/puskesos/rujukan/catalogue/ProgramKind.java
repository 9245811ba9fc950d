package id.puskesos.rujukan.catalogue;

/**
 * How a program is decided. {@code PROPOSAL}: a national program (PKH, BPNT/Sembako, PBI-JK, PIP, DTKS/DTSEN
 * inclusion): the Puskesos proposes the household (usulan, through the SIKS-NG batch), the ministry sets the
 * recipients per period (penetapan) and pays through the bank onto the KKS card; no budget here, nobody here hands
 * it over. {@code SERVICE}: a partner with its own budget or service (BAZNAS, Salman, the city's programs and
 * services): referred, accepted or rejected, realised from the period's budget where there is one.
 */
public enum ProgramKind {
  PROPOSAL, SERVICE
}
