package vn.lienthong.gateway.dossier;

/**
 * How dossier figures are rolled up by organ code ({@code NNN.NN.NN.XNN}, read from the right: province, district,
 * commune, agency): each level keeps that many segments from the right.
 */
public enum StatsLevel {
    PROVINCE(3), DISTRICT(6), COMMUNE(9), AGENCY(13);

    private final int suffixLength;

    StatsLevel(int suffixLength) {
        this.suffixLength = suffixLength;
    }

    /** How many characters of the organ code, from the right, name a group at this level. */
    public int suffixLength() {
        return suffixLength;
    }
}
