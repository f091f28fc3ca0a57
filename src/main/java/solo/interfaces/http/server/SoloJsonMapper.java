package solo.interfaces.http.server;

import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import solo.support.Json;

/** Javalin's JSON goes through Solo's one mapper (Jackson 3, snake_case), as the CLI's does. */
final class SoloJsonMapper implements JsonMapper {
    @Override
    public String toJsonString(Object obj, Type type) {
        return Json.mapper().writeValueAsString(obj);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return Json.mapper().readValue(json, Json.mapper().constructType(targetType));
    }
}
