package id.puskesos.rujukan.referral;

import java.time.LocalDate;

/**
 * One handover of aid for one program: money ({@code amount}, rupiah) and/or goods ({@code items} described,
 * {@code quantity} in the program's unit), where, by whom, with which proof, and whether it was the last one.
 */
public record Distribution(LocalDate distributedOn, Long amount, String items, Long quantity, String place,
    String handedOverBy, String proofReference, boolean receiptConfirmed, boolean last) {

  /** "Rp200.000 dan beras 10 kg (2 paket)": what was handed over. */
  public String describe() {
    String money = amount == null || amount == 0 ? null
        : "Rp" + java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("id-ID")).format(amount);
    String goods = items == null ? null : quantity == null ? items : items + " (" + quantity + ")";
    return money != null && goods != null ? money + " dan " + goods : money != null ? money : goods;
  }
}
