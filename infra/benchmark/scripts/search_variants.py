#!/usr/bin/env python3
"""Where a search's Elasticsearch CPU goes: the harness's search mix (QueryLoad.search: its words, filters and
sorts, 16 clients) sent straight to an index, one variant of the query at a time, with Elasticsearch's CPU per
search read from /proc. BENCHMARKS.md, "Search ranks by whole words", quotes a run.

Usage, on a history the harness replayed (--seed-only, then --replay-only on a copy):
  start Elasticsearch on <work-dir>/elasticsearch (EmbeddedElasticsearch.start, as the harness's Servers do), then
  python3 infra/benchmark/scripts/search_variants.py http://127.0.0.1:PORT service-records 15 base filterphrases

Variants (each changes the query the application sent before "filterphrases" became what it sends):
  base           every word a scored phrase (must) over the six text fields, whole words (should), highlighting
  filterphrases  the phrases as filters: they select, the whole words alone score
  constphrases   the phrases scored as constants
  nohl           base without highlighting          noshould  base without the whole-word clause
  bydate         every search sorted newest first   byscore   every search sorted by relevance
  bare           no highlighting, no whole words, sorted by score only
  track10000     base with the hits counted up to 10,000 instead of exactly
  filtertrack10000  filterphrases (what the application sends) with the hits counted up to 10,000
"""
import json
import os
import random
import sys
import threading
import time
import urllib.request

WORDS = ["心理", "法律咨询", "亲子", "空巢老人", "就业", "家庭教育 讲座", "反家暴", "培训", "单亲妈妈 压力", "婚恋", "志愿",
         "社区居民 邻里", "绘本", "上门", "维权 个案"]
MONTHS = ["2025-01", "2025-04", "2025-07", "2025-10", "2026-01", "2026-05"]
DISTRICTS = ["玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区"]
TEXT_FIELDS = ["description", "outcome", "feedback", "projectName", "stationName", "providerName"]
WORD_FIELDS = ["description.words", "outcome.words", "feedback.words"]
HIGHLIGHTED = ["description", "outcome", "feedback"]
CLIENTS = 16


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))


def query(rnd, variant, projects):
    text = rnd.choice(WORDS)
    words = text.split(" ")
    phrases = [{"multi_match": {"query": w, "type": "phrase", "fields": TEXT_FIELDS}} for w in words]
    bool_ = {"must_not": [{"term": {"voided": True}}], "filter": [], "must": phrases,
             "should": [{"multi_match": {"query": text, "fields": WORD_FIELDS}}]}
    kind = rnd.randrange(4)
    if kind == 0:
        bool_["filter"].append({"term": {"district": rnd.choice(DISTRICTS)}})
    elif kind == 1:
        bool_["filter"].append({"term": {"projectCode": rnd.choice(projects)}})
    elif kind == 2:
        month = rnd.choice(MONTHS)
        bool_["filter"].append({"range": {"deliveredAt": {"gte": month + "-01T00:00:00+08:00",
                                                          "lt": month + "-28T00:00:00+08:00"}}})
    by_date = rnd.randrange(3) == 0
    sort = ([] if by_date else [{"_score": "desc"}]) + [{"deliveredAt": "desc"}, {"serviceRecordId": "asc"}]
    body = {"query": {"bool": bool_}, "from": 0, "size": 20, "track_total_hits": True, "sort": sort,
            "highlight": {"pre_tags": ["<em>"], "post_tags": ["</em>"], "number_of_fragments": 3,
                          "fragment_size": 120, "fields": {field: {} for field in HIGHLIGHTED},
                          "highlight_query": {"bool": {"should": [
                              {"multi_match": {"query": w, "type": "phrase", "fields": HIGHLIGHTED}} for w in words]}}}}
    if variant == "filterphrases":
        bool_["filter"] += phrases
        bool_["must"] = []
    elif variant == "constphrases":
        bool_["must"] = [{"constant_score": {"filter": phrase}} for phrase in phrases]
    elif variant == "nohl":
        body.pop("highlight")
    elif variant == "noshould":
        bool_["should"] = []
    elif variant == "bydate":
        body["sort"] = [{"deliveredAt": "desc"}, {"serviceRecordId": "asc"}]
    elif variant == "byscore":
        body["sort"] = [{"_score": "desc"}, {"deliveredAt": "desc"}, {"serviceRecordId": "asc"}]
    elif variant == "bare":
        body.pop("highlight")
        bool_["should"] = []
        body["sort"] = [{"_score": "desc"}]
    elif variant == "track10000":
        body["track_total_hits"] = 10000
    elif variant == "filtertrack10000":
        bool_["filter"] += phrases
        bool_["must"] = []
        body["track_total_hits"] = 10000
    elif variant != "base":
        raise SystemExit("unknown variant " + variant)
    return body


def elasticsearch_cpu_seconds():
    pid = os.popen("pgrep -f org.elasticsearch.bootstrap.Elasticsearch").read().split()[0]
    fields = open("/proc/%s/stat" % pid).read().split(") ")[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(search_url, projects, variant, seconds):
    stop = time.time() + seconds
    latencies, totals, lock = [], [], threading.Lock()

    def client(seed):
        rnd = random.Random(seed)
        while time.time() < stop:
            body = query(rnd, variant, projects)
            started = time.time()
            answer = post(search_url, body)
            with lock:
                latencies.append((time.time() - started) * 1000)
                totals.append(answer["hits"]["total"]["value"])

    cpu_before, started = elasticsearch_cpu_seconds(), time.time()
    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.time() - started, elasticsearch_cpu_seconds() - cpu_before
    latencies.sort()
    n = len(latencies)
    return {"variant": variant, "queries": n, "qps": round(n / elapsed), "p50Ms": round(latencies[n // 2], 1),
            "p95Ms": round(latencies[int(n * 0.95)], 1), "esCpuMsPerQuery": round(cpu * 1000 / n, 2),
            "medianTotal": sorted(totals)[len(totals) // 2]}


def main():
    es, alias, seconds, variants = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:] or ["base"]
    search_url = es + "/" + alias + "/_search"
    buckets = post(search_url, {"size": 0, "aggs": {"p": {"terms": {"field": "projectCode", "size": 50}}}})
    projects = [bucket["key"] for bucket in buckets["aggregations"]["p"]["buckets"]]
    run(search_url, projects, "base", 10)  # Elasticsearch's query paths compiled before anything is measured
    for variant in variants:
        print(json.dumps(run(search_url, projects, variant, seconds)), flush=True)


if __name__ == "__main__":
    main()
