package org.curate.demo;

import org.curate.core.JsonString;

import java.util.List;

/**
 * The project's own tiny evaluation benchmark, written for the sample: arithmetic word problems
 * and trivia in the style of public QA sets. Some sample pages quote items verbatim, so that
 * benchmark-decontamination has something to find.
 */
public final class BenchmarkQa {
    public record Item(String id, String question, String answer) {
        public String toJson() {
            return Json.object(java.util.Map.of("answer", JsonString.quote(answer), "id", JsonString.quote(id),
                    "question", JsonString.quote(question)));
        }
    }

    public static final List<Item> ITEMS = List.of(
            new Item("demo-qa-001", "Mara buys 3 notebooks at 4 dollars each and a pen for 2 dollars. How many dollars does she spend in total?", "14"),
            new Item("demo-qa-002", "A train leaves at 9:15 and arrives at 11:45. How many minutes does the trip take?", "150"),
            new Item("demo-qa-003", "A baker makes 12 rolls per tray and fills 7 trays. He sells 59 rolls. How many rolls are left?", "25"),
            new Item("demo-qa-004", "Theo reads 18 pages a day. How many days does he need to finish a book of 126 pages?", "7"),
            new Item("demo-qa-005", "A garden is 8 metres long and 5 metres wide. What is its area in square metres?", "40"),
            new Item("demo-qa-006", "Lena has 45 stickers and gives a third of them to her brother. How many stickers does she keep?", "30"),
            new Item("demo-qa-007", "A school orders 6 boxes of 24 pencils and hands out 100 pencils. How many pencils remain?", "44"),
            new Item("demo-qa-008", "A cyclist rides at 15 kilometres per hour for 3 hours and then 10 kilometres more. How far does she ride in kilometres?", "55"),
            new Item("demo-qa-009", "Four friends share a bill of 92 dollars equally. How many dollars does each friend pay?", "23"),
            new Item("demo-qa-010", "A tank holds 250 litres and is 40 percent full. How many litres are in the tank?", "100"),
            new Item("demo-qa-011", "What is the chemical symbol for the element gold?", "Au"),
            new Item("demo-qa-012", "Which planet of the solar system is closest to the Sun?", "Mercury"),
            new Item("demo-qa-013", "How many sides does a hexagon have?", "6"),
            new Item("demo-qa-014", "What is the capital city of Canada?", "Ottawa"),
            new Item("demo-qa-015", "Which gas do plants take in from the air for photosynthesis?", "carbon dioxide"),
            new Item("demo-qa-016", "In which year did the first crewed Moon landing take place?", "1969"),
            new Item("demo-qa-017", "What is the largest ocean on Earth?", "the Pacific Ocean"),
            new Item("demo-qa-018", "How many bones are in the adult human body?", "206"),
            new Item("demo-qa-019", "Who wrote the play Romeo and Juliet?", "William Shakespeare"),
            new Item("demo-qa-020", "What is the boiling point of water at sea level in degrees Celsius?", "100"));

    private BenchmarkQa() {
    }

    public static String jsonl() {
        StringBuilder out = new StringBuilder();
        ITEMS.forEach(item -> out.append(item.toJson()).append('\n'));
        return out.toString();
    }

    /** How a page quotes an item: question and answer verbatim inside ordinary prose. */
    public static String quotedIn(Item item, int variant) {
        return switch (variant % 3) {
            case 0 -> "At last night's pub quiz the hardest question was this one: " + item.question()
                    + " The correct answer was " + item.answer() + ", and only two teams got it right.";
            case 1 -> "My daughter brought home this homework question: " + item.question() + " Answer: "
                    + item.answer() + ". We checked it together after dinner.";
            default -> "Question: " + item.question() + "\nAnswer: " + item.answer();
        };
    }
}
