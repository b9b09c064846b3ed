"""Independent reference for ChannelAttributionDataTest: Markov removal effects by a dense numpy solve.

Same definition as docs/definitions/markov.md (states = last up-to-k channels, weights
conversions + nulls, states containing the removed channel become NULL), written from the
definition rather than from the Java code. Run: python3 markov_reference.py [data.csv]
Prints, per order: order, number of tuple states, P(conversion); then channel, RE, share.
"""
import numpy as np, sys
from collections import defaultdict
rows=[]
with open(sys.argv[1] if len(sys.argv) > 1 else '../../shared/data/channel-attribution/ChannelAttribution_Data.csv') as f:
    next(f)
    for line in f:
        p,c,v,n=line.strip().split(';')
        rows.append(([x.strip() for x in p.split('>')], int(c), float(v), int(n)))
channels=sorted({ch for r in rows for ch in r[0]})
def solve(order):
    counts=defaultdict(lambda: defaultdict(float))
    for path,c,v,n in rows:
        w=c+n
        if w==0: continue
        s=()
        for ch in path:
            t=(s+(ch,))[-order:]
            counts[s][t]+=w
            s=t
        if c: counts[s]['CONV']+=c
        if n: counts[s]['NULL']+=n
    states=list(counts.keys())
    idx={s:i for i,s in enumerate(states)}
    N=len(states)
    Q=np.zeros((N,N)); r=np.zeros(N)
    for s,row in counts.items():
        tot=sum(row.values())
        for t,w in row.items():
            if t=='CONV': r[idx[s]]+=w/tot
            elif t=='NULL': pass
            else: Q[idx[s],idx[t]]+=w/tot
    def p(removed):
        A=np.eye(N)-Q; b=r.copy()
        for i in removed:
            A[i,:]=0; A[i,i]=1; b[i]=0
        x=np.linalg.solve(A,b); return x[idx[()]]
    base=p([])
    re={ch:1-p([idx[s] for s in states if ch in s])/base for ch in channels}
    tot=sum(re.values())
    print(order, N - 1, repr(float(base)))
    for ch in channels: print(ch, repr(float(re[ch])), repr(float(re[ch] / tot)))
for k in (1,2,3): solve(k)
