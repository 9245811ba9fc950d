package id.puskesos.rujukan.notification;

/** How a notification reaches its recipient. */
public enum Channel {
  EMAIL, WHATSAPP
}
