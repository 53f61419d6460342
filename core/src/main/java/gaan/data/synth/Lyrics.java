package gaan.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Song lyrics for demo tracks, built from short phrases: each genre has its own English and
 * Bangla (Bengali script) phrases, and all genres share a common set, so lyrics separate the
 * genres partly but not completely. A song has 4–8 lines of one or two phrases, with a refrain
 * line that comes back. Mixed-language songs switch between English and Bangla within and
 * across lines, as Bangla pop and rap often do.
 */
public final class Lyrics {

    /** Language of a track's lyrics, as written in the {@code language} column. */
    public enum Language {
        EN, BN, MIXED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Phrases(List<String> en, List<String> bn) {
    }

    private static final Phrases SHARED = new Phrases(
            List.of("in the middle of the night", "you and I", "my heart", "all the dreams we had",
                    "under the open sky", "hold me close", "the road goes on", "every single day",
                    "when the rain falls", "I remember you", "light in your eyes", "we sing this song",
                    "far away from home", "the river flows"),
            List.of("তুমি আর আমি", "আমার মন", "রাতের আকাশ", "তোমার চোখে আলো", "স্বপ্ন দেখি", "বৃষ্টি নামে",
                    "এই গান গাই", "পথ চলা", "মনে পড়ে তোমায়", "দূরে কোথাও", "নদী বয়ে যায়", "হৃদয়ের কথা",
                    "প্রতিদিন", "খোলা আকাশের নিচে"));

    private static final Map<String, Phrases> BY_GENRE = Map.of(
            "rock", new Phrases(
                    List.of("burning down the highway", "turn it up loud", "we won't back down", "thunder in my veins",
                            "break the chains", "rebel heart", "city lights on fire", "scream into the storm",
                            "no one can stop us now", "the guitar is crying", "running wild tonight",
                            "stand and fight"),
                    List.of("আগুন জ্বলে বুকে", "শিকল ভাঙো", "ঝড়ের রাতে", "বিদ্রোহী মন", "শহরের রাস্তায়",
                            "চিৎকার করে বলি", "লড়াই চলবে", "মুক্তির গান", "থামবো না", "গিটারের সুরে",
                            "রক্তে আগুন", "বাধা ভেঙে উড়ে যাই")),
            "pop", new Phrases(
                    List.of("baby you're the one", "dancing in the summer", "sweet like candy",
                            "can't stop thinking of you", "falling in love again", "your smile lights up the room",
                            "hold my hand tonight", "stay with me forever", "every little thing you do",
                            "heartbeat on the radio", "sunshine and roses", "oh oh oh"),
                    List.of("প্রথম দেখা", "মিষ্টি হাসি", "তোমাকে ভালোবাসি", "প্রেমে পড়েছি", "বসন্তের দিনে",
                            "গোলাপ ফুল", "হাতটা ধরো", "সারাজীবন থেকো পাশে", "নাচে মন", "তোমার জন্য",
                            "রঙিন স্বপ্ন", "ও প্রিয়া")),
            "folk", new Phrases(
                    List.of("the wandering minstrel sings", "one string of the ektara", "the boatman crosses the river",
                            "the soul of the village", "the unknown bird in the cage", "dust of the earth",
                            "the man of my heart", "walking barefoot on the field", "on the banks of the Padma",
                            "the fakir's song", "the body is a temple", "green paddy fields"),
                    List.of("মনের মানুষ", "খাঁচার ভিতর অচিন পাখি", "একতারা বাজে", "ও মাঝি ভাই", "পদ্মা নদীর পাড়ে",
                            "বাউল মন", "মাটির গান", "গ্রামের পথে", "সাধনের ঘরে", "ধুলোমাখা পায়ে",
                            "সবুজ ধানক্ষেত", "ফকিরের বেশে")),
            "electronic", new Phrases(
                    List.of("feel the bass drop", "neon lights", "pulse of the night", "lost in the sound",
                            "move your body", "electric dreams", "higher and higher", "the beat goes on",
                            "synthetic love", "strobe light", "we are the frequency", "into the void"),
                    List.of("আলোর ঝলক", "ছন্দে নাচো", "রাতের স্পন্দন", "বিদ্যুৎ তরঙ্গ", "শব্দের ভেতর হারাই",
                            "আরো উপরে", "তারার মেলা", "গতির নেশা", "নিয়নের আলো", "থামে না তাল", "ঘুরে ঘুরে",
                            "শূন্যে ভাসি")),
            "classical", new Phrases(
                    List.of("the evening raga", "silence before dawn", "peace upon the water",
                            "a prayer in the moonlight", "dew on the petals", "clouds drift slowly",
                            "the veena whispers", "eternal and serene", "soft light of the candle",
                            "the garden at dusk", "a gentle breeze", "notes like falling leaves"),
                    List.of("সন্ধ্যার রাগ", "ভোরের আলো", "শান্ত জল", "নীরবতার সুর", "চাঁদের আলোয় প্রার্থনা",
                            "শিশিরভেজা ফুল", "মেঘের ভেলা", "বীণার তারে", "মৃদু বাতাস", "অনন্ত শান্তি",
                            "গোধূলি বেলা", "ঝরা পাতার সুর")),
            "hiphop", new Phrases(
                    List.of("straight outta the block", "mic check one two", "hustle every day",
                            "truth in every rhyme", "from the bottom to the top", "keep it real",
                            "money on my mind", "my crew got my back", "streets don't sleep", "spit the verse",
                            "rise from the concrete", "bars on bars"),
                    List.of("পাড়ার গলি", "সত্যি কথা বলি", "রোজ সংগ্রাম", "মাইক হাতে", "নিচ থেকে উপরে",
                            "ভাই আছে পাশে", "টাকার খেলা", "শহর ঘুমায় না", "ছন্দে ছন্দে কথা", "রাস্তার গল্প",
                            "মাথা উঁচু রাখি", "কংক্রিটের ফুল")),
            "metal", new Phrases(
                    List.of("darkness falls", "fire and steel", "into the abyss", "blood moon rising",
                            "the end of days", "crushed by thunder", "iron will", "shadows of the fallen",
                            "rage against the void", "burn it all down", "kingdom of ashes",
                            "scream of the damned"),
                    List.of("অন্ধকার নামে", "আগুন আর ইস্পাত", "বজ্রের গর্জন", "ধ্বংসের দিন", "ছায়ার রাজ্য",
                            "ক্রোধের আগুন", "রক্তচাঁদ ওঠে", "ছাইয়ের সাম্রাজ্য", "মৃত্যুর পরে", "লোহার মন",
                            "পাতালের ডাক", "সব পুড়ে যাক")),
            "jazz", new Phrases(
                    List.of("blue smoke at midnight", "coffee and rain", "swing a little softer", "sweet saxophone",
                            "the moon over the avenue", "a late night serenade", "walking slow with you",
                            "velvet voice", "dim lights in the club", "autumn leaves", "take it easy baby",
                            "blue notes falling"),
                    List.of("মাঝরাতের নীল ধোঁয়া", "কফি আর বৃষ্টি", "ধীরে ধীরে দোলো", "নরম সুরে",
                            "রাতের শহরে চাঁদ", "মৃদু আলো", "তোমার সাথে হাঁটি", "মখমল কণ্ঠ", "হেমন্তের পাতা",
                            "নীল সুর ঝরে", "একটু আস্তে", "শেষ রাতের গান")));

    private Lyrics() {
    }

    /** The lyrics of one song, lines separated by {@code \n}, ending with a newline. */
    public static String song(String genre, Language language, SplittableRandom rng) {
        Phrases own = BY_GENRE.get(genre);
        if (own == null) {
            throw new IllegalArgumentException("no lyrics vocabulary for genre '" + genre + "'");
        }
        String refrain = line(own, language, rng);
        int lines = 4 + rng.nextInt(5);
        int refrainEvery = 2 + rng.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(i % refrainEvery == refrainEvery - 1 ? refrain : line(own, language, rng));
        }
        if (language == Language.MIXED && out.stream().noneMatch(Lyrics::hasBengali)) {
            out.set(0, phrase(own, Language.BN, rng) + ", " + out.get(0));
        }
        if (language == Language.MIXED && out.stream().allMatch(Lyrics::hasBengali)) {
            out.set(0, out.get(0) + ", " + phrase(own, Language.EN, rng));
        }
        return String.join("\n", out) + "\n";
    }

    private static String line(Phrases own, Language language, SplittableRandom rng) {
        String first = phrase(own, language, rng);
        if (rng.nextDouble() < 0.4) {
            return capitalise(first);
        }
        String second = phrase(own, language, rng);
        while (second.equals(first)) {
            second = phrase(own, language, rng);
        }
        return capitalise(first) + ", " + second;
    }

    /** About two phrases in three from the genre's own vocabulary, the rest shared. */
    private static String phrase(Phrases own, Language language, SplittableRandom rng) {
        Language lang = language == Language.MIXED ? (rng.nextBoolean() ? Language.EN : Language.BN) : language;
        Phrases from = rng.nextDouble() < 0.65 ? own : SHARED;
        List<String> list = lang == Language.EN ? from.en() : from.bn();
        return list.get(rng.nextInt(list.size()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether the text has a character of the Bengali script block. */
    public static boolean hasBengali(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.BENGALI);
    }
}
