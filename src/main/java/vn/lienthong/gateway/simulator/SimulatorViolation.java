package vn.lienthong.gateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One thing a simulator found wrong in what it received: the record's index in a batch (if any), a JSON pointer and a message. */
record SimulatorViolation(Integer index, String pointer, String message) {

    static SimulatorViolation of(String pointer, String message) {
        return new SimulatorViolation(null, pointer, message);
    }

    SimulatorViolation atIndex(int recordIndex) {
        return new SimulatorViolation(recordIndex, pointer, message);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (index != null) {
            json.put("index", index);
        }
        json.put("pointer", pointer);
        json.put("message", message);
        return json;
    }
}
