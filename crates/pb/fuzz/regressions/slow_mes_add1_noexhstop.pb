META
key;value
vote_type;cumulative
budget;10,2875
PROJECTS
project_id;cost;name
1;3;"a;b"
2; 15;None`
VOTES
voter_id;vote;points
0;1,2;3,8
2;;
