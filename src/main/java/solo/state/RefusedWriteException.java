package solo.state;

/** A write that breaks a rule of the state layer other than the body's schema: an unknown type, a link
 *  type not declared between these types, a delete of an entity that still has links. */
public final class RefusedWriteException extends StateException {
    public RefusedWriteException(String message) {
        super(message);
    }
}
