"""One film article written three ways: copied text (as a mirror shows it), a saved HTML page, and wikitext.

Each holds the same infobox, opening sentence, synopsis, fiche technique, distribution and awards, so the
facts read from them must be the same.
"""

TEXT = """\
Le Vent du Sud
Titre original | Le Vent du Sud |
Réalisation | Awa Traoré |
Acteurs principaux | Issa Koné, Fatou Diallo |
Pays de production | Mali, France |
Genre | drame |
Durée | 95 minutes |
Sortie | 1994 |
Le Vent du Sud est un film dramatique franco-malien réalisé par Awa Traoré et sorti en 1994.

Synopsis
Moussa, un jeune pêcheur (Issa Koné), quitte son village pour chercher du travail à Bamako.

Fiche technique
- Titre original : Le Vent du Sud
- Réalisation : Awa Traoré
- Scénario : Awa Traoré et Jean Martin
- Musique : Salif Diarra
- Montage : Claire Dubois
- Pays d'origine : Mali, France
- Langue : bambara, français
- Durée : 95 minutes
- Dates de sortie :
  - Mali : 12 mars 1994
  - France : 3 mai 1995

Distribution
- Issa Koné : Moussa
- Fatou Diallo : Aminata

Récompenses
- Festival panafricain du cinéma de Ouagadougou 1995 : Prix du meilleur scénario
"""

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Le Vent du Sud — Wikipédia</title>
<script>var wg = {};</script></head>
<body><nav id="menu"><ul><li>Accueil</li><li>Portails</li></ul></nav>
<h1 id="firstHeading">Le Vent du Sud</h1>
<div id="mw-content-text"><div class="mw-parser-output">
<div class="bandeau-container metadata"><p>Cet article est une ébauche concernant un film malien.</p></div>
<div class="infobox_v3 infobox"><div class="entete"><div>Le Vent du Sud</div></div>
<table><caption class="hidden">Données clés</caption><tbody>
<tr><th>Titre original</th><td><i>Le Vent du Sud</i></td></tr>
<tr><th>Réalisation</th><td><a href="/wiki/Awa_Traor%C3%A9">Awa Traoré</a></td></tr>
<tr><th>Acteurs principaux</th><td><a>Issa Koné</a><br><a>Fatou Diallo</a></td></tr>
<tr><th>Pays de production</th><td><span class="flagicon"><img alt="Drapeau du Mali" src="x.png"></span> <a>Mali</a><br>
<span class="flagicon"><img alt="Drapeau de la France" src="y.png"></span> <a>France</a></td></tr>
<tr><th>Genre</th><td><a>drame</a></td></tr>
<tr><th>Durée</th><td>95 minutes</td></tr>
<tr><th>Sortie</th><td><a>1994</a></td></tr>
</tbody></table>
<p class="navbar noprint"><a>modifier</a></p></div>
<p><i><b>Le Vent du Sud</b></i> est un <a>film dramatique</a> <a>franco-malien</a> réalisé par <a>Awa Traoré</a>
et sorti en <a>1994</a>.</p>
<div class="mw-heading mw-heading2"><h2 id="Synopsis">Synopsis</h2><span class="mw-editsection">[<a>modifier</a> | <a>modifier le code</a>]</span></div>
<p>Moussa, un jeune pêcheur (<a>Issa Koné</a>), quitte son village pour chercher du travail à <a>Bamako</a>.<sup class="reference"><a>[1]</a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="Fiche_technique">Fiche technique</h2><span class="mw-editsection">[<a>modifier</a>]</span></div>
<ul><li>Titre original : <i>Le Vent du Sud</i></li><li>Réalisation : <a>Awa Traoré</a></li>
<li>Scénario : Awa Traoré et Jean Martin</li><li>Musique : Salif Diarra</li><li>Montage : Claire Dubois</li>
<li>Pays d'origine : <span class="flagicon"><img alt="Drapeau du Mali"></span> <a>Mali</a>, <span class="flagicon"><img alt="Drapeau de la France"></span> <a>France</a></li>
<li>Langue : <a>bambara</a>, <a>français</a></li><li>Durée : 95 minutes</li>
<li>Dates de sortie :<ul><li><a>Mali</a> : <time>12 mars 1994</time></li><li><a>France</a> : 3 mai 1995</li></ul></li></ul>
<div class="mw-heading mw-heading2"><h2 id="Distribution">Distribution</h2></div>
<ul><li><a>Issa Koné</a> : Moussa</li><li><a>Fatou Diallo</a> : Aminata</li></ul>
<div class="mw-heading mw-heading2"><h2 id="R.C3.A9compenses">Récompenses</h2></div>
<ul><li><a>Festival panafricain du cinéma de Ouagadougou 1995</a> : Prix du meilleur scénario</li></ul>
<div class="mw-heading mw-heading2"><h2 id="Notes_et_r.C3.A9f.C3.A9rences">Notes et références</h2></div>
<div class="mw-references-wrap"><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink">↑</span> Une critique.</li></ol></div>
<div role="navigation" class="navbox-container"><table class="navbox"><tr><th>Films maliens</th></tr></table></div>
</div></div>
<div id="catlinks" class="catlinks"><a>Catégories</a> : <a>Film malien</a></div>
<footer><ul><li>La dernière modification de cette page a été faite le 1 mai 2024.</li></ul></footer>
</body></html>
"""

WIKITEXT = """{{Titre en italique}}
{{Ébauche|film malien}}
{{Infobox Cinéma (film)
 | titre original  = ''Le Vent du Sud''
 | image           = Le Vent du Sud.jpg
 | légende         = L'affiche
 | réalisation     = [[Awa Traoré]]
 | acteur          = [[Issa Koné]]<br />[[Fatou Diallo]]
 | pays            = {{Mali}}<br />{{France}}
 | genre           = [[Drame (cinéma)|drame]]
 | durée           = {{Unité|95|minutes}}
 | année de sortie = [[1994 au cinéma|1994]]
}}
'''''Le Vent du Sud''''' est un [[film dramatique]] [[Cinéma malien|franco-malien]] réalisé par [[Awa Traoré]] et sorti en [[1994 au cinéma|1994]].

== Synopsis ==
Moussa, un jeune pêcheur ([[Issa Koné]]), quitte son village pour chercher du travail à [[Bamako]].<ref>{{Lien web|url=http://example.org/critique|titre=Une critique}}</ref>

== Fiche technique ==
* Titre original : ''Le Vent du Sud''
* Réalisation : [[Awa Traoré]]
* Scénario : Awa Traoré et Jean Martin
* Musique : {{Lien|fr=Salif Diarra|lang=bm}}
* Montage : Claire Dubois
* Pays d'origine : {{drapeau2|Mali|domaine=cinéma}}, {{France}}
* Langue : [[bambara]], [[français]]
* Durée : {{Unité|95|minutes}}
* Dates de sortie :
** {{Mali}} : {{date|12|mars|1994|au cinéma}}
** {{drapeau|France}} France : {{date|3|mai|1995}}

== Distribution ==
* [[Issa Koné]] : Moussa
* [[Fatou Diallo]] : Aminata

== Récompenses ==
* [[Festival panafricain du cinéma de Ouagadougou|Festival panafricain du cinéma de Ouagadougou 1995]] : Prix du meilleur scénario

== Notes et références ==
{{Références}}

{{Palette|Films maliens}}
{{Portail|cinéma|Mali}}
[[Catégorie:Film malien sorti en 1994]]
"""
