package vn.lienthong.gateway.messagelog.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Verifiers of inclusion and consistency proofs written from RFC 9162 §2.1.3.2 and §2.1.4.2, answering false to any malformed input. */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Whether {@code proof} shows that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves with this root. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (!MerkleHash.isHash(leafHash) || !MerkleHash.isHash(root) || !allHashes(proof)
                || index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code size2} leaves with {@code root2} extends the tree of {@code size1}
     * leaves with {@code root1}; an empty old tree (whose root must be the empty root) is consistent with any tree, by an
     * empty proof.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size1 > size2 || !MerkleHash.isHash(root1) || !MerkleHash.isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, MerkleHash.emptyRoot());
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        return verifyConsistencyPath(size1, size2, root1, root2, path);
    }

    private static boolean verifyConsistencyPath(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> path) {
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!MerkleHash.isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
