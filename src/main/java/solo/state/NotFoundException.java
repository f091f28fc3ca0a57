package solo.state;

/** An entity, artifact or link that does not exist (or was deleted). */
public final class NotFoundException extends StateException {
    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException entity(String id) {
        return new NotFoundException("no entity " + id);
    }
}
