package gaan.data.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import gaan.data.synth.Genre.Part;
import gaan.data.synth.Genre.Role;

/**
 * Renders one demo track: draws the track's own variation of its genre (key, tempo, mode,
 * progression, groove, mix levels, where in the song the clip starts) from the seed, arranges
 * the parts bar by bar (four-bar phrases, quieter "verse" and fuller "chorus" phrases, drum fills
 * before a phrase starts), synthesises each part into a stem, mixes and masters it, and returns
 * mono samples at {@link Dsp#SR} Hz, peak between 0.7 and 0.9.
 */
public final class TrackSynth {
    public static final int SAMPLE_RATE = Dsp.SR;

    private final Genre genre;
    private final Genre secondary;
    private final SplittableRandom rng;
    private final int stepsPerBar;
    private final double stepSamples;
    private final int offset;
    private final int length;
    private final int firstSongBar;
    private final int key;
    private final Genre.Mode mode;
    private final int[] progression;
    private final boolean softVerse;
    private final List<Integer> kicks = new ArrayList<>();

    private TrackSynth(Genre genre, Genre secondary, int samples, long seed) {
        this.genre = genre;
        this.secondary = secondary;
        this.rng = new SplittableRandom(seed);
        double bpm = genre.bpmMin() + rng.nextDouble() * (genre.bpmMax() - genre.bpmMin());
        this.stepsPerBar = genre.beatsPerBar() * genre.stepsPerBeat();
        this.stepSamples = Dsp.SR * 60.0 / bpm / genre.stepsPerBeat();
        double bar = stepsPerBar * stepSamples;
        // A pre-roll of at least a bar lets held notes and reverb tails reach into the clip, and a
        // random extra part of a bar makes clips start anywhere in the bar.
        this.offset = (int) (bar + Dsp.SR / 2.0 + rng.nextDouble() * bar);
        this.length = offset + samples;
        this.firstSongBar = rng.nextInt(8);
        this.key = rng.nextInt(12);
        this.mode = genre.modes().get(rng.nextInt(genre.modes().size()));
        this.progression = genre.progressions().get(rng.nextInt(genre.progressions().size()));
        this.softVerse = rng.nextDouble() < 0.5;
    }

    /**
     * Mono samples of one track, {@code samples} long.
     *
     * @param secondary genre whose lead instrument doubles the tune quietly, or {@code null}
     */
    public static float[] render(Genre genre, Genre secondary, int samples, long seed) {
        return new TrackSynth(genre, secondary, samples, seed).render();
    }

    private float[] render() {
        float[] mix = new float[length];
        float[] drums = drums();
        List<Note> tune = List.of();
        for (Part part : genre.parts()) {
            List<Note> notes = notes(part);
            if (part == genre.lead()) {
                tune = notes;
            }
            addStem(mix, part, notes);
        }
        if (secondary != null && secondary.lead() != null && !tune.isEmpty()) {
            Part borrowed = secondary.lead();
            double level = genre.lead().gainDb() - 3;
            addStem(mix, new Part(borrowed.instrument(), borrowed.role(), borrowed.rhythm(), borrowed.register(),
                    level, borrowed.drive(), borrowed.lowpassHz()), tune);
        }
        if (genre.kit() != null) {
            normaliseRms(drums, 0.1 * Dsp.dbToGain(genre.master().drumsDb() + jitterDb(2)));
            Dsp.mixInto(mix, drums, 1);
        }
        return master(mix);
    }

    private double jitterDb(double range) {
        return (rng.nextDouble() * 2 - 1) * range;
    }

    private void addStem(float[] mix, Part part, List<Note> notes) {
        float[] stem = new float[length];
        for (Note n : notes) {
            part.instrument().render(stem, n.start, n.length, Dsp.midiToHz(n.midi), n.velocity, rng);
        }
        if (!normaliseRms(stem, 0.1)) {
            return;
        }
        if (part.drive() > 0) {
            Dsp.saturate(stem, part.drive());
        }
        if (part.lowpassHz() > 0) {
            Dsp.lowpass(stem, part.lowpassHz() * (0.8 + 0.4 * rng.nextDouble()));
        }
        normaliseRms(stem, 0.1 * Dsp.dbToGain(part.gainDb() + jitterDb(2.5)));
        if (genre.master().sidechain() > 0) {
            duck(stem, genre.master().sidechain());
        }
        Dsp.mixInto(mix, stem, 1);
    }

    /** Scales {@code x} to the given RMS; false when it is silent. */
    private static boolean normaliseRms(float[] x, double rms) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        if (sum <= 1e-12) {
            return false;
        }
        Dsp.scale(x, rms / Math.sqrt(sum / x.length));
        return true;
    }

    /** Gain dips that recover after each kick (side-chain compression). */
    private void duck(float[] x, double depth) {
        double recover = Dsp.decayFactor(0.09);
        double dip = 0;
        int next = 0;
        List<Integer> sorted = kicks.stream().sorted().toList();
        for (int i = 0; i < x.length; i++) {
            while (next < sorted.size() && sorted.get(next) <= i) {
                dip = depth;
                next++;
            }
            x[i] *= (float) (1 - dip);
            dip *= recover;
        }
    }

    private float[] master(float[] mix) {
        Genre.Master m = genre.master();
        normaliseRms(mix, 0.25);
        if (m.drive() > 0) {
            Dsp.saturate(mix, m.drive());
        }
        if (m.lowpassHz() > 0) {
            Dsp.lowpass(mix, m.lowpassHz());
        }
        Dsp.reverb(mix, m.reverb(), m.room());
        swell(mix, m.swell());
        double hiss = 0.0008 + m.crackle() * 0.05;
        for (int i = 0; i < mix.length; i++) {
            double v = (rng.nextDouble() * 2 - 1) * hiss;
            if (m.crackle() > 0 && rng.nextDouble() < m.crackle() * 0.05) {
                v += (rng.nextDouble() * 2 - 1) * 0.1;
            }
            mix[i] += (float) v;
        }
        float[] out = Arrays.copyOfRange(mix, offset, length);
        double peak = 1e-9;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        Dsp.scale(out, (0.7 + 0.2 * rng.nextDouble()) / peak);
        return out;
    }

    /** Slow loudness swells: a raised cosine of random period and phase, {@code depth} deep. */
    private void swell(float[] x, double depth) {
        if (depth <= 0) {
            return;
        }
        double inc = 1 / ((5 + 7 * rng.nextDouble()) * Dsp.SR);
        double phase = rng.nextDouble();
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) (1 - depth * (0.5 + 0.5 * Dsp.read(Dsp.SINE, phase)));
            phase = Dsp.advance(phase, inc);
        }
    }

    // ---- arrangement ----

    private record Note(int start, int length, double midi, double velocity) {
    }

    /** One grid position that the rhythm of a part strikes. */
    private record Hit(int bar, int step, int start, int length, double velocity) {
        boolean onBeat(int stepsPerBeat) {
            return step % stepsPerBeat == 0;
        }
    }

    private int bars() {
        return (int) Math.ceil(length / (stepsPerBar * stepSamples)) + 1;
    }

    private boolean chorus(int bar) {
        return ((firstSongBar + bar) / 4) % 2 == 1;
    }

    private int time(int bar, int step) {
        double t = (bar * stepsPerBar + step) * stepSamples;
        if (genre.stepsPerBeat() == 4 && step % 2 == 1) {
            t += genre.swing() * stepSamples;
        }
        t += (rng.nextDouble() + rng.nextDouble() - 1) * genre.looseness() * 0.001 * Dsp.SR;
        return (int) Math.max(0, t);
    }

    private static double weight(char c) {
        return switch (c) {
            case 'x' -> 1.0;
            case 'o' -> 0.7;
            case 'g' -> 0.35;
            default -> 0;
        };
    }

    /** The hits of a rhythm across the clip, each lasting until the next one (at most a bar). */
    private List<Hit> hits(String rhythm) {
        List<Hit> out = new ArrayList<>();
        int total = bars() * stepsPerBar;
        List<Integer> steps = new ArrayList<>();
        for (int s = 0; s < total; s++) {
            if (weight(rhythm.charAt(s % rhythm.length())) > 0) {
                steps.add(s);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            int s = steps.get(i);
            int next = i + 1 < steps.size() ? steps.get(i + 1) : total;
            int span = Math.min(next - s, stepsPerBar);
            int bar = s / stepsPerBar;
            double v = weight(rhythm.charAt(s % rhythm.length())) * (0.88 + 0.24 * rng.nextDouble())
                    * (chorus(bar) ? 1.0 : 0.85);
            out.add(new Hit(bar, s % stepsPerBar, time(bar, s % stepsPerBar), (int) (span * stepSamples), v));
        }
        return out;
    }

    private int chordDegree(int bar) {
        return progression[((firstSongBar + bar) / genre.barsPerChord()) % progression.length];
    }

    /** MIDI note of a scale degree, placed in the octave whose root lies nearest {@code register}. */
    private int pitch(int degree, int register) {
        int root = key + mode.semitones(degree);
        int octave = Math.round((register - root) / 12f);
        return root + 12 * octave;
    }

    private List<Integer> chord(int bar, int register) {
        int degree = chordDegree(bar);
        int root = pitch(degree, register);
        List<Integer> notes = new ArrayList<>();
        for (int k = 0; k < genre.chordNotes(); k++) {
            notes.add(root + mode.semitones(degree + 2 * k) - mode.semitones(degree));
        }
        return notes;
    }

    private List<Note> notes(Part part) {
        return switch (part.role()) {
            case SUSTAIN -> sustain(part);
            case HITS, POWER, ARPEGGIO, BASS, DRONE -> struck(part);
            case MELODY -> melody(part);
            case WALKING -> walking(part);
        };
    }

    private List<Note> sustain(Part part) {
        List<Note> out = new ArrayList<>();
        int barSamples = (int) (stepsPerBar * stepSamples);
        for (int bar = 0; bar < bars(); bar++) {
            if (bar > 0 && (firstSongBar + bar) % genre.barsPerChord() != 0) {
                continue;
            }
            int span = 1;
            while (bar + span < bars() && (firstSongBar + bar + span) % genre.barsPerChord() != 0) {
                span++;
            }
            double v = 0.6 * (chorus(bar) ? 1.0 : 0.8);
            for (int midi : chord(bar, part.register())) {
                out.add(new Note(time(bar, 0), span * barSamples, midi, v));
            }
        }
        return out;
    }

    private List<Note> struck(Part part) {
        List<Note> out = new ArrayList<>();
        int[] arpeggio = switch (rng.nextInt(3)) {
            case 0 -> new int[] {0, 1, 2, 3};
            case 1 -> new int[] {0, 1, 2, 3, 2, 1};
            default -> new int[] {0, 2, 1, 2};
        };
        double staccato = 0.5 + 0.45 * rng.nextDouble();
        int count = 0;
        for (Hit h : hits(part.rhythm())) {
            List<Integer> chord = chord(h.bar, part.register());
            int root = chord.get(0);
            switch (part.role()) {
                case HITS -> chord.forEach(m -> out.add(new Note(h.start, (int) (h.length * 0.9), m, h.velocity)));
                case POWER -> {
                    int len = (int) (h.length * staccato);
                    for (int m : new int[] {root, root + 7, root + 12}) {
                        out.add(new Note(h.start, len, m, h.velocity));
                    }
                }
                case ARPEGGIO -> {
                    int k = arpeggio[count++ % arpeggio.length];
                    int m = k < chord.size() ? chord.get(k) : root + 12;
                    out.add(new Note(h.start, (int) (h.length * 0.95), m, h.velocity));
                }
                case BASS -> {
                    int m = root;
                    if (!h.onBeat(genre.stepsPerBeat()) && rng.nextDouble() < 0.25) {
                        m = rng.nextBoolean() ? root + 12 : root + 7;
                    }
                    out.add(new Note(h.start, (int) (h.length * 0.9), m, h.velocity));
                }
                case DRONE -> {
                    int tonic = pitch(0, part.register());
                    int m = h.onBeat(genre.stepsPerBeat()) || rng.nextDouble() < 0.6 ? tonic : tonic + 7;
                    out.add(new Note(h.start, h.length, m, h.velocity));
                }
                default -> throw new IllegalStateException(part.role() + " is not struck");
            }
        }
        return out;
    }

    /**
     * A two-bar motif of scale-degree offsets from the chord root (chord tones on beats, steps
     * between), replayed over each chord: the tune follows the harmony and repeats like a hook.
     */
    private List<Note> melody(Part part) {
        int motifSteps = 2 * stepsPerBar;
        int[] offsets = new int[motifSteps];
        boolean[] sounding = new boolean[motifSteps];
        int degree = 2 * rng.nextInt(3);
        for (int s = 0; s < motifSteps; s++) {
            char c = part.rhythm().charAt(s % part.rhythm().length());
            sounding[s] = c == 'x' || (c != '.' && rng.nextDouble() < 0.7);
            int move = rng.nextInt(5) - 2;
            degree = Math.max(-2, Math.min(9, degree + move));
            if (s % genre.stepsPerBeat() == 0 && degree % 2 != 0) {
                degree += degree < 4 ? 1 : -1;
            }
            offsets[s] = degree;
        }
        List<Note> out = new ArrayList<>();
        for (Hit h : hits(part.rhythm())) {
            int s = ((firstSongBar + h.bar) % 2) * stepsPerBar + h.step;
            if (!sounding[s]) {
                continue;
            }
            double velocity = softVerse && !chorus(h.bar) ? 0.4 * h.velocity : h.velocity;
            int chordRoot = chordDegree(h.bar);
            int midi = pitch(chordRoot, part.register()) + mode.semitones(chordRoot + offsets[s])
                    - mode.semitones(chordRoot);
            out.add(new Note(h.start, (int) (h.length * 0.92), midi, velocity));
        }
        return out;
    }

    /** Walking bass: root on the first beat, chord and scale tones after, a chromatic approach last. */
    private List<Note> walking(Part part) {
        List<Note> out = new ArrayList<>();
        int beatSamples = (int) (genre.stepsPerBeat() * stepSamples);
        for (int bar = 0; bar < bars(); bar++) {
            int degree = chordDegree(bar);
            int root = pitch(degree, part.register());
            int nextRoot = pitch(chordDegree(bar + 1), part.register());
            for (int beat = 0; beat < genre.beatsPerBar(); beat++) {
                int midi;
                if (beat == 0) {
                    midi = root;
                } else if (beat == genre.beatsPerBar() - 1) {
                    midi = nextRoot + (rng.nextBoolean() ? 1 : -1);
                } else {
                    midi = root + mode.semitones(degree + 1 + rng.nextInt(4)) - mode.semitones(degree);
                }
                double v = (beat % 2 == 0 ? 1.0 : 0.85) * (0.9 + 0.2 * rng.nextDouble());
                out.add(new Note(time(bar, beat * genre.stepsPerBeat()), (int) (beatSamples * 0.95), midi, v));
            }
        }
        return out;
    }

    private float[] drums() {
        float[] out = new float[length];
        if (genre.kit() == null) {
            return out;
        }
        Map<Drum, String> groove = genre.grooves().get(rng.nextInt(genre.grooves().size()));
        boolean fills = groove.containsKey(Drum.SNARE) && rng.nextDouble() < 0.7;
        for (Map.Entry<Drum, String> e : groove.entrySet()) {
            Drum drum = e.getKey();
            for (Hit h : hits(e.getValue())) {
                boolean phraseStart = (firstSongBar + h.bar) % 4 == 0;
                if (drum == Drum.CRASH && !phraseStart) {
                    continue;
                }
                if (drum == Drum.KICK) {
                    kicks.add(h.start);
                }
                drum.hit(out, h.start, h.velocity, genre.kit(), rng);
            }
        }
        if (fills) {
            int lastBeat = stepsPerBar - genre.stepsPerBeat();
            for (int bar = 0; bar < bars(); bar++) {
                if ((firstSongBar + bar) % 4 == 3 && rng.nextDouble() < 0.6) {
                    for (int s = lastBeat; s < stepsPerBar; s++) {
                        double v = 0.5 + 0.5 * (s - lastBeat) / genre.stepsPerBeat();
                        Drum.SNARE.hit(out, time(bar, s), v, genre.kit(), rng);
                    }
                }
            }
        }
        return out;
    }
}
