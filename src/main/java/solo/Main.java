package solo;

/** Entry point of the `solo` command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("solo");
    }
}
