#!/usr/bin/env python3
"""librosa's time for the descriptor set gaan computes (bench/run.sh features --librosa PYTHON).

Times, on one WAV, exactly the calls that core/src/test/fixtures/descriptors/README.md states
(the parity reference), single-threaded, and prints one JSON object:
  descriptors_cpu_ms - every descriptor call given the shared STFT D and mfcc20 (the work gaan
                       does on top of its MFCC pipeline), CPU time of this process;
  descriptors_wall_ms - the same, wall-clock;
  with_stft_cpu_ms    - the same plus librosa.stft and the MFCC pipeline that delta needs;
  per_call_cpu_ms     - each call's median.
Each figure is the median of --repeat runs after --warmup runs (numba compiles on the first).
BLAS and numba are held to one thread, as gaan's figure is one thread's.
"""
import argparse
import json
import os
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402
import librosa  # noqa: E402

SR = 22050
N_FFT = 2048
HOP = 512


def calls(y, D, mfcc20):
    S = np.abs(D)
    return {
        "centroid": lambda: librosa.feature.spectral_centroid(S=S, sr=SR, n_fft=N_FFT, hop_length=HOP),
        "bandwidth": lambda: librosa.feature.spectral_bandwidth(S=S, sr=SR, n_fft=N_FFT, hop_length=HOP),
        "rolloff": lambda: librosa.feature.spectral_rolloff(S=S, sr=SR, n_fft=N_FFT, hop_length=HOP,
                                                            roll_percent=0.85),
        "flatness": lambda: librosa.feature.spectral_flatness(S=S, n_fft=N_FFT, hop_length=HOP),
        "contrast": lambda: librosa.feature.spectral_contrast(S=S, sr=SR, n_fft=N_FFT, hop_length=HOP),
        "zcr": lambda: librosa.feature.zero_crossing_rate(y, frame_length=N_FFT, hop_length=HOP, center=True),
        "rms": lambda: librosa.feature.rms(y=y, frame_length=N_FFT, hop_length=HOP, center=True,
                                          pad_mode="constant"),
        "chroma": lambda: librosa.feature.chroma_stft(S=S ** 2, sr=SR, n_fft=N_FFT, hop_length=HOP, tuning=0.0),
        "onset_tempo": lambda: librosa.feature.tempo(
            onset_envelope=librosa.onset.onset_strength(y=y, sr=SR, hop_length=HOP), sr=SR, hop_length=HOP),
        "mfcc_delta": lambda: librosa.feature.delta(mfcc20, width=9, order=1, axis=-1, mode="interp"),
    }


def stft_and_mfcc(y):
    D = librosa.stft(y, n_fft=N_FFT, hop_length=HOP)
    mel = librosa.feature.melspectrogram(S=np.abs(D) ** 2, sr=SR, n_fft=N_FFT, hop_length=HOP)
    mfcc20 = librosa.feature.mfcc(S=librosa.power_to_db(mel), n_mfcc=20)
    return D, mfcc20


def median_ms(fn, warmup, repeat, clock):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return 1000 * float(np.median(times)), [round(1000 * t, 3) for t in times]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wav")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    y, _ = librosa.load(args.wav, sr=SR, mono=True)
    D, mfcc20 = stft_and_mfcc(y)
    # CPU time of this (single-threaded) process: meaningful on a shared, busy machine.
    cpu = time.process_time
    per_call = {name: round(median_ms(fn, args.warmup, args.repeat, cpu)[0], 3)
                for name, fn in calls(y, D, mfcc20).items()}

    def all_descriptors():
        for fn in calls(y, D, mfcc20).values():
            fn()

    def with_stft():
        d, m = stft_and_mfcc(y)
        for fn in calls(y, d, m).values():
            fn()

    descriptors_ms, descriptors_runs = median_ms(all_descriptors, args.warmup, args.repeat, cpu)
    wall_ms, _ = median_ms(all_descriptors, 0, args.repeat, time.perf_counter)
    with_stft_ms, _ = median_ms(with_stft, args.warmup, args.repeat, cpu)
    print(json.dumps({
        "librosa": librosa.__version__, "numpy": np.__version__,
        "seconds": round(len(y) / SR, 3), "repeat": args.repeat,
        "descriptors_cpu_ms": round(descriptors_ms, 3), "descriptors_cpu_runs_ms": descriptors_runs,
        "descriptors_wall_ms": round(wall_ms, 3),
        "with_stft_cpu_ms": round(with_stft_ms, 3), "per_call_cpu_ms": per_call,
    }))


if __name__ == "__main__":
    main()
