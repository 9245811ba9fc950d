package id.puskesos.rujukan.catalogue;

/** What a program gives: money, goods, or a service such as a data update. */
public enum AidKind {
  CASH, GOODS, SERVICE
}
