package com.podcastpersonalize.processor.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal reader of NumPy .npy files (v1/v2, little-endian, C or 2-D Fortran order; f4, f8, b1) for the parity tests. */
public record Npy(double[] data, int[] shape) {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|=])([fb])(\\d)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    public static Npy read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static Npy read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    static Npy parse(byte[] bytes) throws IOException {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || bytes[1] != 'N') {
            throw new IOException("not an .npy file");
        }
        int major = bytes[6];
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        boolean fortran = header.contains("'fortran_order': True");
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IOException("unsupported .npy header: " + header);
        }
        String[] dims = s.group(1).split(",");
        int[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int x : shape) {
            n *= x;
        }
        double[] data = new double[n];
        bb.position(start + headerLen);
        char kind = d.group(2).charAt(0);
        int width = Integer.parseInt(d.group(3));
        for (int i = 0; i < n; i++) {
            data[i] = kind == 'b' ? bb.get() : width == 4 ? bb.getFloat() : bb.getDouble();
        }
        if (fortran && shape.length == 2) {
            // column-major on disk: reorder to row-major
            double[] c = new double[n];
            for (int col = 0, i = 0; col < shape[1]; col++) {
                for (int row = 0; row < shape[0]; row++) {
                    c[row * shape[1] + col] = data[i++];
                }
            }
            data = c;
        } else if (fortran && shape.length > 2) {
            throw new IOException("Fortran order only supported up to 2 dimensions");
        }
        return new Npy(data, shape);
    }

    /** Row r of a 2-D array. */
    public double[] row(int r) {
        int cols = shape[1];
        return java.util.Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** The 2-D array as [row][col]. */
    public double[][] matrix() {
        double[][] m = new double[shape[0]][];
        for (int r = 0; r < shape[0]; r++) {
            m[r] = row(r);
        }
        return m;
    }

    public float[] asFloats() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }
}
