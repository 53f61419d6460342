package gaan.data.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InstrumentTest {

    /** Pitch from the autocorrelation peak near the expected period, refined by a parabola. */
    private static double pitch(float[] x, int from, double expectedHz) {
        int window = 4096;
        double expectedLag = Dsp.SR / expectedHz;
        int lo = (int) (expectedLag * 0.7);
        int hi = (int) (expectedLag * 1.4) + 1;
        double[] r = new double[hi + 2];
        for (int lag = lo - 1; lag <= hi + 1; lag++) {
            double s = 0;
            for (int i = from; i < from + window; i++) {
                s += x[i] * x[i + lag];
            }
            r[lag] = s;
        }
        int best = lo;
        for (int lag = lo; lag <= hi; lag++) {
            if (r[lag] > r[best]) {
                best = lag;
            }
        }
        double a = r[best - 1];
        double b = r[best];
        double c = r[best + 1];
        double shift = 0.5 * (a - c) / (a - 2 * b + c);
        return Dsp.SR / (best + shift);
    }

    @Test
    void everyInstrumentSoundsAtTheRequestedPitch() {
        Instrument[] all = {Instrument.PLUCK, Instrument.DOTARA, Instrument.PIANO, Instrument.EPIANO,
                Instrument.ORGAN, Instrument.HARMONIUM, Instrument.SINE_PAD, Instrument.STRINGS,
                Instrument.SAW_LEAD, Instrument.SUPERSAW, Instrument.GUITAR, Instrument.UPRIGHT,
                Instrument.SUB_808, Instrument.PICK_BASS, Instrument.SYNTH_BASS, Instrument.SOFT_BASS};
        for (Instrument instrument : all) {
            for (double midi : new double[] {40, 45, 57, 64, 69, 76}) {
                double hz = Dsp.midiToHz(midi);
                float[] out = new float[Dsp.SR];
                instrument.render(out, 0, Dsp.SR / 2, hz, 0.8, new SplittableRandom(1));
                double cents = 1200 * Math.log(pitch(out, Dsp.SR / 10, hz) / hz) / Math.log(2);
                assertTrue(Math.abs(cents) < 12, instrument.name() + " at " + hz + " Hz is " + cents + " cents off");
            }
        }
    }

    @Test
    void notesFadeOutAfterTheirLengthAndDoNotRunPastTheBuffer() {
        float[] out = new float[Dsp.SR];
        Instrument.ORGAN.render(out, Dsp.SR - 100, Dsp.SR, 220, 1, new SplittableRandom(2));
        float[] held = new float[Dsp.SR];
        Instrument.PLUCK.render(held, 0, Dsp.SR / 4, 220, 1, new SplittableRandom(3));
        double early = 0;
        double late = 0;
        for (int i = 0; i < 2000; i++) {
            early += Math.abs(held[1000 + i]);
            late += Math.abs(held[Dsp.SR / 4 + 3000 + i]);
        }
        assertTrue(late < 0.01 * early, "a released pluck is muted: " + late + " vs " + early);
    }
}
