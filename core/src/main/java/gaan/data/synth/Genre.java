package gaan.data.synth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic genre: the musical rules every track of the genre is drawn from. Rhythms are
 * strings with one character per grid step ({@code stepsPerBeat} steps a beat, cycling when
 * shorter or longer than a bar): {@code x} a full hit, {@code o} a medium one, {@code g} a ghost
 * note, {@code .} a rest. Progressions are 0-based scale degrees of {@code modes}, one chord per
 * {@code barsPerChord} bars, built by stacking {@code chordNotes} thirds within the scale.
 *
 * @param looseness  timing spread of hits, in milliseconds (0 = quantised)
 * @param swing      delay of off-beat grid steps as a fraction of a step
 * @param neighbours genres a track of this genre borrows from when it has a secondary genre
 */
public record Genre(String name, double bpmMin, double bpmMax, int beatsPerBar, int stepsPerBeat, double swing,
                    double looseness, List<Mode> modes, List<int[]> progressions, int barsPerChord, int chordNotes,
                    Drum.Kit kit, List<Map<Drum, String>> grooves, List<Part> parts, Master master,
                    List<String> neighbours) {

    /** Scales as semitone offsets from the key's root. */
    public enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11),
        MINOR(0, 2, 3, 5, 7, 8, 10),
        MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10),
        DORIAN(0, 2, 3, 5, 7, 9, 10),
        PHRYGIAN(0, 1, 3, 5, 7, 8, 10);

        private final int[] steps;

        Mode(int... steps) {
            this.steps = steps;
        }

        /** Semitones above the root of scale degree {@code degree} (may exceed one octave or be negative). */
        public int semitones(int degree) {
            int octave = Math.floorDiv(degree, 7);
            return steps[Math.floorMod(degree, 7)] + 12 * octave;
        }
    }

    /** What a part plays. */
    public enum Role {
        /** chords held for their whole length */
        SUSTAIN,
        /** chords struck on the rhythm */
        HITS,
        /** root, fifth and octave struck on the rhythm (for distorted guitars) */
        POWER,
        /** chord tones one at a time on the rhythm */
        ARPEGGIO,
        /** a two-bar motif over the chord tones and scale, repeated on each chord */
        MELODY,
        /** chord roots (sometimes fifths and octaves) on the rhythm */
        BASS,
        /** one note a beat, stepping towards the next chord's root */
        WALKING,
        /** the key's tonic on the rhythm, whatever the chord */
        DRONE
    }

    /**
     * One instrument's part in the arrangement; the stem is RMS-normalised, then driven,
     * low-passed and mixed at {@code gainDb}.
     *
     * @param register  MIDI note the part's notes centre on
     * @param drive     saturation input gain, 0 for clean
     * @param lowpassHz one-pole low-pass corner of the stem, 0 for none
     */
    public record Part(Instrument instrument, Role role, String rhythm, int register, double gainDb, double drive,
                       double lowpassHz) {
        boolean leads() {
            return role == Role.MELODY || role == Role.ARPEGGIO;
        }
    }

    /**
     * Processing of the whole mix.
     *
     * @param drumsDb   level of the drum stem relative to RMS-normalised parts
     * @param reverb    wet level of the room, {@code room} its size in [0, 1]
     * @param drive     bus saturation (0 = none), the loudness-war knob
     * @param lowpassHz "dusty sampler" low-pass of the mix, 0 for none
     * @param sidechain depth of the gain dip the kick puts on everything but the drums
     * @param crackle   level of vinyl crackle and hiss
     * @param swell     depth of slow loudness swells (dynamics)
     */
    public record Master(double drumsDb, double reverb, double room, double drive, double lowpassHz,
                         double sidechain, double crackle, double swell) {
    }

    /** The first part that carries the tune, or {@code null}. */
    Part lead() {
        return parts.stream().filter(Part::leads).findFirst().orElse(null);
    }

    private static Map<Drum, String> groove(Object... drumAndRhythm) {
        EnumMap<Drum, String> m = new EnumMap<>(Drum.class);
        for (int i = 0; i < drumAndRhythm.length; i += 2) {
            m.put((Drum) drumAndRhythm[i], (String) drumAndRhythm[i + 1]);
        }
        return m;
    }

    private static Part part(Instrument instrument, Role role, String rhythm, int register, double gainDb) {
        return new Part(instrument, role, rhythm, register, gainDb, 0, 0);
    }

    private static Part part(Instrument instrument, Role role, String rhythm, int register, double gainDb,
                             double drive, double lowpassHz) {
        return new Part(instrument, role, rhythm, register, gainDb, drive, lowpassHz);
    }

    private static final Instrument FLUTE = Instrument.tone("flute", new double[] {1, 0.25, 0.1, 0.04}, 0.07,
            0.8, 0.75, 0.15).vibrato(18);
    private static final Instrument SQUARE_LEAD = Instrument.tone("square_lead",
            new double[] {1, 0, 1 / 3.0, 0, 1 / 5.0, 0, 1 / 7.0, 0, 1 / 9.0, 0, 1 / 11.0, 0, 1 / 13.0, 0, 1 / 15.0},
            0.003, 0.15, 0.3, 0.05);
    private static final Instrument SAX = Instrument.tone("sax", Instrument.saw(24, 1.5), 0.03, 0.5, 0.7, 0.08)
            .vibrato(20);

    /**
     * Every genre, in the order {@code --genres G} takes them. The first six are the default
     * demo; neighbours overlap on purpose: pop, rock and electronic share tempos, pop and hiphop
     * share the electric piano, rock and metal the distorted guitar, folk and classical slow
     * plucked and bowed strings.
     */
    public static final List<Genre> CATALOGUE = List.of(
            new Genre("rock", 108, 138, 4, 4, 0, 6, List.of(Mode.MAJOR, Mode.MIXOLYDIAN),
                    List.of(new int[] {0, 4, 5, 3}, new int[] {0, 3, 4, 3}, new int[] {5, 3, 0, 4},
                            new int[] {0, 6, 3, 0}), 1, 3,
                    new Drum.Kit(55, 0.28, 0.18, 0.6),
                    List.of(groove(Drum.KICK, "x.....x.x.......", Drum.SNARE, "....x.......x...",
                                    Drum.HAT, "x.x.x.x.x.x.x.x.", Drum.CRASH, "x..............."),
                            groove(Drum.KICK, "x.......x.x.....", Drum.SNARE, "....x.......x..g",
                                    Drum.HAT, "x.o.x.o.x.o.x.o.", Drum.CRASH, "x..............."),
                            groove(Drum.KICK, "x..x..x...x.....", Drum.SNARE, "....x.......x...",
                                    Drum.RIDE, "x.x.x.x.x.x.x.x.", Drum.CRASH, "x...............")),
                    List.of(part(Instrument.GUITAR, Role.POWER, "x.x.x.x.x.x.x.x.", 43, 0, 10, 2600),
                            part(Instrument.PICK_BASS, Role.BASS, "x.x.x.x.x.x.x.x.", 33, -4, 1.5, 1500),
                            part(Instrument.GUITAR.vibrato(20), Role.MELODY, "x...x.o.x...o.x.", 67, -6, 4, 4000)),
                    new Master(0, 0.08, 0.5, 1.6, 0, 0, 0, 0.05), List.of("metal", "pop")),
            new Genre("pop", 96, 124, 4, 4, 0, 4, List.of(Mode.MAJOR),
                    List.of(new int[] {0, 4, 5, 3}, new int[] {5, 3, 0, 4}, new int[] {0, 5, 3, 4},
                            new int[] {3, 0, 4, 5}), 1, 3,
                    new Drum.Kit(60, 0.22, 0.12, 0.8),
                    List.of(groove(Drum.KICK, "x.....x.x.......", Drum.CLAP, "....x.......x...",
                                    Drum.SNARE, "....o.......o...", Drum.HAT, "..x...x...x...x.",
                                    Drum.SHAKER, "gggggggggggggggg"),
                            groove(Drum.KICK, "x..x....x.x.....", Drum.CLAP, "....x.......x...",
                                    Drum.HAT, "g.x.g.x.g.x.g.x.", Drum.SHAKER, "o.g.o.g.o.g.o.g.")),
                    List.of(part(Instrument.EPIANO, Role.HITS, "x..x..x...x.x...", 62, -2),
                            part(Instrument.SINE_PAD, Role.SUSTAIN, "x", 60, -4),
                            part(Instrument.SOFT_BASS, Role.BASS, "x..x..x...x.x...", 36, -3, 0, 900),
                            part(Instrument.EPIANO, Role.MELODY, "x.x.x...x.x.x...", 74, -5)),
                    new Master(-1, 0.18, 0.6, 1.2, 0, 0, 0, 0.08), List.of("electronic", "rock")),
            new Genre("folk", 58, 76, 2, 6, 0, 12, List.of(Mode.MAJOR, Mode.MIXOLYDIAN),
                    List.of(new int[] {0, 0, 3, 0}, new int[] {0, 6, 0, 4}, new int[] {0, 3, 4, 0}), 2, 3,
                    new Drum.Kit(0, 0, 0, 0.5),
                    List.of(groove(Drum.HAND_LOW, "x.....x...o.", Drum.HAND_HIGH, "..x.x...x.x.",
                                    Drum.SHAKER, "x.x.x.x.x.x."),
                            groove(Drum.HAND_LOW, "x.......x...", Drum.HAND_HIGH, "..x.xx..x.x.",
                                    Drum.SHAKER, "x.o.o.x.o.o.")),
                    List.of(part(Instrument.DOTARA, Role.MELODY, "x.x.x.x.xx.x", 67, -1),
                            part(Instrument.PLUCK, Role.DRONE, "x.....x.....", 48, -4),
                            part(Instrument.HARMONIUM, Role.SUSTAIN, "x", 60, -5)),
                    new Master(-3, 0.15, 0.5, 0, 0, 0, 0, 0.08), List.of("classical", "pop")),
            new Genre("electronic", 120, 130, 4, 4, 0, 0, List.of(Mode.MINOR),
                    List.of(new int[] {0, 5, 2, 6}, new int[] {0, 3, 5, 6}, new int[] {5, 6, 0, 0}), 1, 3,
                    new Drum.Kit(48, 0.4, 0.15, 1.0),
                    List.of(groove(Drum.KICK, "x...x...x...x...", Drum.CLAP, "....x.......x...",
                                    Drum.HAT, "g.g.g.g.g.g.g.g.", Drum.OPEN_HAT, "..x...x...x...x."),
                            groove(Drum.KICK, "x...x...x...x...", Drum.SNARE, "....x.......x...",
                                    Drum.OPEN_HAT, "..x...x...x...x.", Drum.HAT, "gggggggggggggggg")),
                    List.of(part(Instrument.SUPERSAW, Role.SUSTAIN, "x", 60, -8, 0, 2000),
                            part(SQUARE_LEAD, Role.ARPEGGIO, "xxxxxxxxxxxxxxxx", 72, -6),
                            part(Instrument.SYNTH_BASS, Role.BASS, "..x...x...x...x.", 36, 2, 0, 400)),
                    new Master(3, 0.10, 0.7, 1.3, 0, 0.75, 0, 0.03), List.of("pop", "hiphop")),
            new Genre("classical", 60, 84, 3, 4, 0, 15, List.of(Mode.MAJOR, Mode.MINOR),
                    List.of(new int[] {0, 3, 4, 0}, new int[] {0, 5, 3, 4}, new int[] {0, 1, 4, 0},
                            new int[] {0, 3, 1, 4}), 1, 3,
                    null, List.of(),
                    List.of(part(Instrument.STRINGS, Role.SUSTAIN, "x", 60, -3),
                            part(Instrument.PIANO, Role.ARPEGGIO, "x.x.x.x.x.x.", 60, -3),
                            part(Instrument.STRINGS, Role.BASS, "x...........", 40, -6),
                            part(FLUTE, Role.MELODY, "x...x...x.o.", 74, -6)),
                    new Master(0, 0.40, 0.85, 0, 0, 0, 0, 0.30), List.of("folk", "jazz")),
            new Genre("hiphop", 80, 96, 4, 4, 0.18, 4, List.of(Mode.MINOR, Mode.DORIAN),
                    List.of(new int[] {0, 5, 2, 6}, new int[] {0, 3, 0, 3}, new int[] {0, 6, 5, 6}), 1, 3,
                    new Drum.Kit(45, 0.5, 0.14, 0.4),
                    List.of(groove(Drum.KICK, "x......x..x.....", Drum.SNARE, "....x.......x...",
                                    Drum.HAT, "x.x.x.x.x.x.x.x."),
                            groove(Drum.KICK, "x.....x...x..x..", Drum.SNARE, "....x.......x...",
                                    Drum.HAT, "x.xgx.x.x.xgx.x.")),
                    List.of(part(Instrument.EPIANO, Role.HITS, "x.........x.....", 58, -4, 0, 2500),
                            part(Instrument.SUB_808, Role.BASS, "x......x..x.....", 31, 0, 1.5, 0),
                            part(Instrument.PIANO, Role.MELODY, "x.....x...x.....", 70, -9, 0, 3000)),
                    new Master(1, 0.05, 0.4, 1.4, 4200, 0, 0.02, 0.03), List.of("electronic", "jazz")),
            new Genre("metal", 140, 176, 4, 4, 0, 3, List.of(Mode.PHRYGIAN, Mode.MINOR),
                    List.of(new int[] {0, 1, 0, 6}, new int[] {0, 5, 6, 0}, new int[] {0, 0, 1, 0}), 1, 3,
                    new Drum.Kit(60, 0.15, 0.12, 0.9),
                    List.of(groove(Drum.KICK, "xxxxxxxxxxxxxxxx", Drum.SNARE, "....x.......x...",
                                    Drum.HAT, "x.x.x.x.x.x.x.x.", Drum.CRASH, "x..............."),
                            groove(Drum.KICK, "x.x.x.x.x.x.x.x.", Drum.SNARE, "..x...x...x...x.",
                                    Drum.RIDE, "x.x.x.x.x.x.x.x.", Drum.CRASH, "x...............")),
                    List.of(part(Instrument.GUITAR, Role.POWER, "xxxxxxxxxxxxxxxx", 40, 0, 22, 3800),
                            part(Instrument.PICK_BASS, Role.BASS, "xxxxxxxxxxxxxxxx", 28, -4, 3, 1200),
                            part(Instrument.GUITAR.vibrato(25), Role.MELODY, "x.x.x.x.x.x.x.x.", 64, -8, 6, 4000)),
                    new Master(0, 0.06, 0.4, 2.0, 0, 0, 0, 0.02), List.of("rock")),
            new Genre("jazz", 100, 150, 4, 3, 0, 8, List.of(Mode.MAJOR),
                    List.of(new int[] {1, 4, 0, 0}, new int[] {0, 5, 1, 4}, new int[] {2, 5, 1, 4}), 1, 4,
                    new Drum.Kit(50, 0.2, 0.2, 0.3),
                    List.of(groove(Drum.RIDE, "x..x.xx..x.x", Drum.HAT, "...x.....x..",
                            Drum.SNARE, "g....g..g...", Drum.KICK, "g.....g.....")),
                    List.of(part(Instrument.ORGAN, Role.HITS, "x....x...x..", 60, -5),
                            part(Instrument.UPRIGHT, Role.WALKING, "x..x..x..x..", 36, -1),
                            part(SAX, Role.MELODY, "x.xx.xx..x.x", 67, -4)),
                    new Master(-2, 0.15, 0.5, 0, 0, 0, 0, 0.10), List.of("hiphop", "classical")));
}
