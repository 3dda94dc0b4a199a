package org.rfcbridge.webconsole.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.BridgeMonitor;
import org.rfcbridge.api.CallSummary;

/**
 * The operations part of the RFC Bridge page: the health summary at the top, the recent calls (filter by
 * function, sender and result; each with its call id, as in the call log and the ABAP caller's error text),
 * latency per function and the last errors. The page reads {@link #json} every two seconds and redraws these
 * tables without a reload.
 */
final class OperationsSection {
    /** Errors shown in "Last errors". */
    static final int LAST_ERRORS = 20;

    private OperationsSection() {
    }

    /** The health summary's place, at the top of the page. */
    static void health(Html page) {
        page.raw("<h2>Health</h2><table id=\"rfcbridge-health\" class=\"tablelayout\"></table>");
    }

    /** The tables the script fills, and the script. */
    static void calls(Html page, String token) {
        page.raw("<h2>Recent calls</h2><p>Filter: <input id=\"rfcbridge-filter-function\" placeholder=\"function\"> "
                + "<input id=\"rfcbridge-filter-sender\" placeholder=\"sender\"> <input id=\"rfcbridge-filter-result\" "
                + "placeholder=\"result\"></p><table id=\"rfcbridge-calls\" class=\"tablelayout\"></table>"
                + "<h2>Latency per function</h2><table id=\"rfcbridge-latency\" class=\"tablelayout\"></table>"
                + "<h2>Last errors</h2><table id=\"rfcbridge-errors\" class=\"tablelayout\"></table>")
                .raw("<script>(function(){var t='").text(token).raw("';"
                        + "function esc(s){return String(s).replace(/[&<>\"']/g,function(c){return '&#'+c.charCodeAt(0)+';';});}"
                        + "function table(id,heads,rows){var h='<thead><tr>'+heads.map(function(x){return '<th>'+esc(x)+"
                        + "'</th>';}).join('')+'</tr></thead><tbody>';rows.forEach(function(r){h+='<tr>'+r.map(function(x)"
                        + "{return '<td>'+esc(x)+'</td>';}).join('')+'</tr>';});document.getElementById(id).innerHTML=h+"
                        + "'</tbody>';}"
                        + "function has(id,v){var f=document.getElementById(id).value.toUpperCase();return !f||"
                        + "String(v).toUpperCase().indexOf(f)>=0;}"
                        + "function load(){var f=new FormData();f.append('csrf',t);f.append('action','operations');"
                        + "fetch(window.location.pathname,{method:'POST',body:new URLSearchParams(f),credentials:"
                        + "'same-origin'}).then(function(r){return r.json();}).then(function(o){"
                        + "table('rfcbridge-health',['Check','Status','Findings'],o.health.map(function(c){return "
                        + "[c.name,c.status,c.message];}));"
                        + "table('rfcbridge-calls',['Time','Call id','Sender','Receiver','User','Function','Rule',"
                        + "'Destination','ms','Result'],o.calls.filter(function(c){return has('rfcbridge-filter-function',"
                        + "c.function)&&has('rfcbridge-filter-sender',c.sender)&&has('rfcbridge-filter-result',c.result);})"
                        + ".map(function(c){return [c.time,c.id,c.sender,c.receiver,c.user,c.function,c.rule,"
                        + "c.destination,c.ms,c.result];}));"
                        + "table('rfcbridge-latency',['Function','Calls','Errors','p50 ms','p95 ms','p99 ms'],"
                        + "o.latency.map(function(l){return [l.function,l.calls,l.errors,l.p50,l.p95,l.p99];}));"
                        + "table('rfcbridge-errors',['Time','Call id','Function','Sender','Error'],o.errors.map("
                        + "function(c){return [c.time,c.id,c.function,c.sender,c.result+': '+c.text];}));});}"
                        + "load();setInterval(load,2000);})();</script>");
    }

    /** What the script draws: health, recent calls, latency per function, last errors. */
    static Map<String, Object> json(BridgeMonitor monitor) {
        List<Map<String, Object>> health = new ArrayList<>();
        for (BridgeMonitor.Health check : monitor.health()) {
            health.add(row("name", check.name(), "status", check.status(), "message", check.message()));
        }
        List<Map<String, Object>> calls = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (CallSummary call : monitor.recentCalls()) {
            Map<String, Object> row = row("time", call.end().toString(), "id", call.id(), "sender", call.sender(),
                    "receiver", call.receiver(), "user", call.user(), "function", call.function(), "rule", call.rule(),
                    "destination", call.destination(), "ms", Math.round(call.totalNanos() / 1e4) / 100.0, "result",
                    call.result(), "text", call.errorText());
            calls.add(row);
            if (!call.ok() && errors.size() < LAST_ERRORS) {
                errors.add(row);
            }
        }
        List<Map<String, Object>> latency = new ArrayList<>();
        for (BridgeMonitor.FunctionLatency l : monitor.functionLatencies()) {
            latency.add(row("function", l.function(), "calls", l.calls(), "errors", l.errors(), "p50",
                    round(l.p50Millis()), "p95", round(l.p95Millis()), "p99", round(l.p99Millis())));
        }
        return row("health", health, "calls", calls, "latency", latency, "errors", errors);
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
