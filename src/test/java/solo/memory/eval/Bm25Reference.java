package solo.memory.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Developer tool, not a test: the benchmark README's plain BM25 reference (k1 1.2, b 0.75, one
 * field "author: text", searched within the query's scope), to get its per-category figures.
 * Args: DATASET [standard|english].
 */
public final class Bm25Reference {
    public static void main(String[] args) throws Exception {
        BenchDataset data = BenchDataset.read(Path.of(args[0]));
        Analyzer analyzer = args.length > 1 && args[1].equals("english") ? new EnglishAnalyzer() : new StandardAnalyzer();
        BM25Similarity bm25 = new BM25Similarity(1.2f, 0.75f);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(bm25))) {
                for (BenchDataset.Document d : data.corpus()) {
                    Document doc = new Document();
                    doc.add(new StringField("id", d.id(), Field.Store.YES));
                    doc.add(new StringField("scope", d.scope(), Field.Store.NO));
                    doc.add(new TextField("body", d.author() + ": " + d.text(), Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(bm25);
                QueryBuilder qb = new QueryBuilder(analyzer);
                List<EvalReport.Judged> judged = new ArrayList<>();
                for (BenchDataset.Query q : data.queries()) {
                    Query text = qb.createBooleanQuery("body", q.text(), Occur.SHOULD);
                    List<String> ranked = new ArrayList<>();
                    if (text != null) {
                        Query scoped = new BooleanQuery.Builder().add(text, Occur.MUST)
                                .add(new TermQuery(new Term("scope", q.scope())), Occur.FILTER).build();
                        for (ScoreDoc sd : s.search(scoped, 50).scoreDocs) {
                            ranked.add(s.storedFields().document(sd.doc).get("id"));
                        }
                    }
                    judged.add(new EvalReport.Judged(q.category(), ranked, data.judgments().get(q.id())));
                }
                EvalReport r = new EvalReport(data.name(), "bm25-" + (args.length > 1 ? args[1] : "standard"),
                        data.corpus().size(), data.queries().size(), 0, EvalReport.score(judged),
                        EvalReport.byCategory(judged), 0, 0);
                System.out.println(r.toJson());
            }
        }
    }
}
