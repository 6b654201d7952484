package org.primum.audit.output;

/**
 * The Qute template of the audit page. Kept in code beside its only user so that the audit runs from the
 * classes alone (a Spark executor has no resource folder to look in); values arrive escaped.
 */
final class HtmlTemplate {
    private HtmlTemplate() {
    }

    static final String TEXT = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{title}</title>
            <style>
              body { font-family: sans-serif; margin: 2em; color: #222; max-width: 60em; }
              h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
              table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccc; padding: .25em .6em; text-align: left; }
              td.n { text-align: right; } .ids { font-family: monospace; font-size: .9em; } .muted { color: #666; }
              @media print { body { margin: 0; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } }
            </style>
            </head>
            <body>
            <h1>{title}</h1>
            <p>Audit date {asOf} · knowledge base {version} · {patients} patients read: {audited} audited, {outOfScope} out of scope · {problemTotal} input problems</p>

            <h2>Concordance per criterion (patients)</h2>
            {chart}
            <table>
            <tr><th>criterion</th><th>concordant</th><th>discordant</th><th>not evaluable</th><th>rate</th></tr>
            {#for c in criteria}
            <tr><td><b>{c.code}</b><br><span class="muted">{c.title}</span></td><td class="n">{c.concordant}</td><td class="n">{c.discordant}</td><td class="n">{c.notEvaluable}</td><td class="n">{c.rate}</td></tr>
            {/for}
            </table>
            <p class="muted">Rate = concordant / (concordant + discordant). A patient counts once per criterion, under her worst verdict over her acts.</p>

            <h2>Breast conservation</h2>
            <p>{conservation.conserving} breast-conserving of {conservation.surgeries} breast surgeries of the primary: {conservation.rate}</p>

            <h2>Discordant patients</h2>
            {#for c in criteria}
            <h3>{c.code} ({c.discordant})</h3>
            {#if c.patients.isEmpty}<p class="muted">none</p>{#else}<p class="ids">{#for p in c.patients}{p}{#if p_hasNext}, {/if}{/for}</p>{/if}
            {/for}

            <h2>Out of scope</h2>
            {#if scopes.isEmpty}<p class="muted">none</p>{#else}
            <table><tr><th>reason</th><th>patients</th></tr>
            {#for s in scopes}<tr><td>{s.name}</td><td class="n">{s.count}</td></tr>{/for}
            </table>{/if}

            <h2>Input problems</h2>
            {#if problemKinds.isEmpty}<p class="muted">none</p>{#else}
            <table><tr><th>kind</th><th>count</th></tr>
            {#for k in problemKinds}<tr><td>{k.name}</td><td class="n">{k.count}</td></tr>{/for}
            </table>
            <table><tr><th>kind</th><th>file</th><th>line</th><th>patient</th><th>detail</th></tr>
            {#for p in problems}<tr><td>{p.kind}</td><td>{p.file}</td><td class="n">{p.line}</td><td class="ids">{p.patient}</td><td>{p.detail}</td></tr>{/for}
            </table>
            {#if problemsCut}<p class="muted">Only the first problems are listed; every one is counted above.</p>{/if}
            {/if}
            </body>
            </html>
            """;
}
